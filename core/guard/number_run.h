#pragma once
// The run of [0-9 .()+-] around a candidate digit (candidate_scan.h) and what the class route's
// gates count in it, from the 64 bytes around the digit as SSE2 masks. Runs are short and vary in
// length: the byte loops this replaces ended in a mispredicted branch at every number.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ts::guard::structured {

struct NumberRun
{
    std::size_t start = 0, end = 0;
    std::size_t digits = 0, dots = 0, openers = 0; // openers: '+' and '('
    bool doubleZero = false; // a digit run starting "00", as an international prefix does
    // Bit i: a digit run in this run starts at base + i and may begin a date the dob rule reads (a
    // superset of mayHoldDate in birth_dates.cpp: four digits, or 1, 2 or 4 digits, one of [-./]
    // and a digit). In order, so each bit is one BirthDates::atDigitRun call.
    std::uint64_t dateStarts = 0;
    std::size_t base = 0;
};

// The run holding the digit at pos. False when the window cannot tell: near the text's ends, or
// when the run (or the 8 bytes a date starting in it reads) leaves the window; the caller then
// walks the bytes.
bool readNumberRun(std::string_view t, std::size_t pos, NumberRun& run);

} // namespace ts::guard::structured
