#pragma once
// One linear pass over the bytes that finds where the structured detector's class-only rules can
// match, 64 bytes at a time with SSE2 (which every x86-64 has): each chunk becomes a few class
// masks (digits, colons, separators...), and a few shifts and ands of those masks find the digits
// and colons a match could start from. Ordinary text is full of numbers that no rule can match
// ("12 %", "240 ms", "14:30"): they are skipped without a branch, the rest is handed to a visitor.
// Token bytes are classified exactly only in chunks where a run could reach 24 bytes.
#include <cstddef>
#include <string_view>

namespace ts::guard::structured {

class CandidateVisitor
{
public:
    virtual ~CandidateVisitor() = default;
    // A digit in a run of [0-9 .()+-] that may hold a phone, card, iban, ssn, ipv4 or a date the
    // dob rule reads: every such run has one (candidateDigits() in candidate_scan.cpp). The first
    // at or after the end returned by the previous call; returns the end of what it examined (> pos).
    virtual std::size_t onDigit(std::size_t pos) = 0;
    // A colon in a run of [0-9A-Fa-f:.] that holds "::" or four colons 2 to 5 bytes apart, as
    // every ipv6 match does; the first at or after the end returned by the previous call.
    virtual std::size_t onColon(std::size_t pos) = 0;
    // A run of at least 24 bytes of [A-Za-z0-9+/_-] ends at `end` (the byte there is not one, or
    // end is the text's size). Called in order of `end`.
    virtual void onLongToken(std::size_t end) = 0;
};

void scanCandidates(std::string_view text, CandidateVisitor& visitor);

constexpr std::size_t kLongTokenBytes = 24;

} // namespace ts::guard::structured
