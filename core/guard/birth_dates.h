#pragma once
// The dob rule in the fast route, found from the date's side: dates hold digits, which the
// candidate scan visits anyway, while the birth-date keywords ("born", "dob", "nato il"...) are
// ordinary words that cost Hyperscan more than all the other literal rules together. The keywords
// are looked for only in the 40 bytes before a date, with the same findings as the reference
// route's handler (onBirthContext).
#include "guard/keyword_starts.h"
#include "guard/structured_rules.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace ts::guard::structured {

// The length of the date starting at i, as onBirthContext accepts it (a word start, not followed
// by a digit); 0 when none.
std::size_t dateAt(std::string_view t, std::size_t i);

// The smallest end e of a birth-date keyword match (as the dob regex matches) with lo < e <= hi;
// npos when none. With AVX-512, `starts` (of the same text) keeps the chunks' keyword starts for
// the next look-back nearby.
std::size_t birthKeywordEnd(std::string_view t, std::size_t lo, std::size_t hi, KeywordStartCache* starts = nullptr);

// A keyword that can reach a date holding the digit run starting at p starts at or after
// p - kBirthKeywordReach: it ends at most 40 bytes before the date, which starts at most 40 before p.
constexpr std::size_t kBirthKeywordReach = 40 + 40 + 19 + 1;

struct DobFinding
{
    std::size_t start = 0, end = 0, keywordEnd = 0;
};

class BirthDates
{
  public:
    explicit BirthDates(std::string_view text) : m_text(text), m_starts(text) {}

    // p: the first digit of a digit run; called in increasing order of p for every such run with a
    // keyword start within kBirthKeywordReach before it (the others cannot matter).
    // Returns the findings onBirthContext would report for dates that hold this run.
    const std::vector<DobFinding>& atDigitRun(std::size_t p);

  private:
    DobFinding candidate(std::size_t i);

    std::string_view m_text;
    KeywordStartCache m_starts;
    std::vector<DobFinding> m_found;
    std::size_t m_testedTo = 0; // every possible date start before this has been dealt with
    std::size_t m_lastDate = 0; // the last date start (found or not): a keyword before it found it
    std::size_t m_lastEnd = 0;  // the end of the last finding: keywords up to it were skipped
};

} // namespace ts::guard::structured
