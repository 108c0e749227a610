#pragma once
#include "guard/text_fold.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace ts::guard {

// Whether a phrase is talked about rather than said: "attackers write 'ignore previous
// instructions'", or "[INST]" inside a Python string explaining Llama's format. Such a match
// keeps its finding with a lower weight. An attacker can dress an attack up this way; the
// discount is kept small enough that other signals still add up.
class MentionContext
{
  public:
    MentionContext(std::string_view original, const FoldedText& folded);

    // A phrase at folded text [start, end), original [from, ...).
    bool phraseIsMentioned(std::size_t foldedStart, std::size_t from) const;
    // A delimiter at original [from, ...).
    bool delimiterIsMentioned(std::size_t from) const;

  private:
    bool quoted(std::size_t from) const;
    bool insideString(std::size_t from) const;
    bool insideCodeBlock(std::size_t from) const;
    bool reportedSpeechBefore(std::size_t foldedStart) const;

    std::string_view m_original;
    const FoldedText& m_folded;
    bool m_discussion = false;         // the text is about attacks, detection, security
    bool m_aboutFormats = false;       // the text is about chat templates and special tokens
    std::vector<std::size_t> m_fences; // where ``` lines start
};

inline constexpr double kMentionDiscount = 0.15;

} // namespace ts::guard
