#pragma once
// The fast route's second half: the class-only rules (phone, card, iban, ssn, ipv4, ipv6,
// high_entropy), found by the candidate scan and the hand-written matchers instead of Hyperscan,
// and handed to the same handlers with the same (from, to) Hyperscan would have reported; and dob,
// found from the dates' digit runs (birth_dates.h), keyed by the keyword's end.
#include "guard/finding.h"

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace ts::guard::structured {

// A finding and the end of the prefilter match that produced it (its place in the match order).
struct KeyedFindings
{
    std::vector<Finding> findings;
    std::vector<std::size_t> keys;

    // Room for what ordinary text of this size holds (about one finding in 5 KB), so a long text's
    // findings are not moved again and again as the vectors grow.
    void reserveFor(std::string_view text)
    {
        findings.reserve(text.size() / 4096 + 4);
        keys.reserve(text.size() / 4096 + 4);
    }
};

// publicBlocks: (match end, public-block end so far) for each pem_public_block match, in order;
// the high_entropy handler sees what the all-Hyperscan route would have seen at its match.
KeyedFindings scanClassOnlyRules(std::string_view text,
                                 const std::vector<std::pair<std::size_t, std::size_t>>& publicBlocks);

} // namespace ts::guard::structured
