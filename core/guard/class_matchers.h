#pragma once
// Hand-written equivalents of the structured detector's class-only regexes (the rules with no
// literal to anchor on: phone, card, iban, ssn, ipv4, ipv6). Each returns the ends of every match
// of its rule's regex (structured_rules.cpp) that starts at `start`, as Hyperscan would report
// them: \b with ASCII word characters, any bytes accepted. test_guard_scan_equivalence checks
// them against Hyperscan running the regexes themselves.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ts::guard::structured {

// Bit k set: a match [start, start + k). Every regex here matches at most 24 bytes.
using MatchEnds = std::uint64_t;

MatchEnds phoneEnds(std::string_view t, std::size_t start);
MatchEnds cardEnds(std::string_view t, std::size_t start);
MatchEnds ibanEnds(std::string_view t, std::size_t start);
MatchEnds ssnEnds(std::string_view t, std::size_t start);
MatchEnds ipv4Ends(std::string_view t, std::size_t start);
MatchEnds ipv6Ends(std::string_view t, std::size_t start);

} // namespace ts::guard::structured
