#pragma once
// One linear pass over the bytes that finds where the structured detector's class-only rules can
// match, 64 bytes at a time with SSE2 (which every x86-64 has): bytes that are neither a digit nor
// a colon, inside words shorter than 24 token bytes, are skipped without a branch, and the exact
// token class is computed only in chunks where a run could reach 24 bytes.
#include <cstddef>
#include <string_view>

namespace ts::guard::structured {

class CandidateVisitor
{
public:
    virtual ~CandidateVisitor() = default;
    // The first digit (colon) at or after the end returned by the previous call; returns the end
    // of what it examined (> pos).
    virtual std::size_t onDigit(std::size_t pos) = 0;
    virtual std::size_t onColon(std::size_t pos) = 0;
    // A run of at least 24 bytes of [A-Za-z0-9+/_-] ends at `end` (the byte there is not one, or
    // end is the text's size). Called in order of `end`.
    virtual void onLongToken(std::size_t end) = 0;
};

void scanCandidates(std::string_view text, CandidateVisitor& visitor);

constexpr std::size_t kLongTokenBytes = 24;

} // namespace ts::guard::structured
