#pragma once
#include "guard/detector.h"
#include "guard/leakage_words.h"

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_set>
#include <vector>

namespace ts::guard {

inline constexpr std::size_t kLeakShingleWords = 6;
// Reported from this share of the system prompt on; a policy's own threshold decides the rest.
inline constexpr double kDefaultLeakOverlap = 0.1;

// system_prompt_leak: the answer repeats the system prompt. The prompt's word 6-grams (case,
// whitespace and punctuation normalised) are hashed into a set once; an answer's 6-grams that hit
// it mark leaked words. One finding per contiguous leaked range, score = the share of the prompt's
// 6-grams reproduced anywhere in the answer; nothing when that share is below minOverlap. A prompt
// shorter than six words counts as one shingle of all its words; an empty one never leaks.
class LeakageDetector : public Detector
{
  public:
    explicit LeakageDetector(std::string systemPrompt, double minOverlap = kDefaultLeakOverlap);

    std::string_view name() const override { return "system_prompt_leak"; }
    void scan(std::string_view text, std::vector<Finding>& out) const override;

  private:
    friend class LeakageStream;
    std::unordered_set<std::uint64_t> m_shingles;
    std::size_t m_n = kLeakShingleWords;
    double m_minOverlap;
};

// The same check on a streamed answer, a delta at a time, in time linear in the whole answer.
// feed() returns the leaked ranges it completed (offsets into the whole answer so far): a range is
// complete once six words past its end have arrived, or at finish(). Ranges are held back until
// the share reaches minOverlap, then all come out at once. Each finding's score is the share at
// the moment it is returned; share() is the share so far.
class LeakageStream
{
  public:
    explicit LeakageStream(const LeakageDetector& detector);

    std::vector<Finding> feed(std::string_view delta);
    std::vector<Finding> finish();
    double share() const;

  private:
    void word(std::uint64_t hash, std::size_t start, std::size_t end);
    void closeRange();
    std::vector<Finding> release();

    struct Word
    {
        std::uint64_t hash;
        std::size_t start;
        std::size_t end;
    };

    const LeakageDetector& m_detector;
    LeakageWords m_words;
    std::deque<Word> m_window;   // the last n words
    std::size_t m_wordIndex = 0; // words seen so far
    std::unordered_set<std::uint64_t> m_hit;
    bool m_open = false; // a leaked range is still growing
    std::size_t m_rangeStart = 0, m_rangeEnd = 0, m_rangeLastWord = 0;
    std::vector<Finding> m_held; // closed ranges not yet returned
};

} // namespace ts::guard
