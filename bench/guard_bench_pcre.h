#pragma once
#include "guard/structured_detector.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace ts::bench {

// The reference: each of the detector's regexes compiled by PCRE2 with JIT, and a plain
// pcre2_match loop per pattern over the whole text, counting matches (no validation).
class PcreLoop
{
public:
    explicit PcreLoop(const std::vector<guard::PatternSpec>& patterns);
    ~PcreLoop();
    PcreLoop(const PcreLoop&) = delete;
    PcreLoop& operator=(const PcreLoop&) = delete;

    std::size_t countMatches(std::string_view text) const;

private:
    std::vector<void*> m_codes; // pcre2_code_8*
    void* m_matchData = nullptr;
    void* m_context = nullptr;
    void* m_stack = nullptr;
};

} // namespace ts::bench
