#pragma once
// Where a birth-date keyword ("born", "dob", "nato il"...: birth_dates.cpp) may start, 64 bytes
// at a time with AVX-512: the look-back before a date (birth_dates.cpp) and the candidate scan,
// which does not visit a year no keyword could reach (candidate_scan.cpp), both read it.
#include "guard/chunk_classes.h"

namespace ts::guard::structured {

// Bit i: p[i] and p[i + 1] may be a keyword's first two bytes (bo, bi, da, d., do, fe, ge, na, n
// and the lead byte of é, in either case) at a word start (p[i - 1] is not [A-Za-z0-9_]). Setting
// bit 5 lowers the letters and maps a few other bytes onto them: a superset. Reads p[-1] to p[64].
[[TS_GUARD_AVX512]] inline std::uint64_t keywordStarts512(const char* p)
{
    const __m512i lowerBit = _mm512_set1_epi8(0x20);
    const __m512i x = _mm512_or_si512(_mm512_loadu_si512(p), lowerBit);
    const __m512i y = _mm512_or_si512(_mm512_loadu_si512(p + 1), lowerBit);
    const std::uint64_t yo = equals512(y, 'o'), ya = equals512(y, 'a');
    const std::uint64_t hit = (equals512(x, 'b') & (yo | equals512(y, 'i'))) |
                              (equals512(x, 'd') & (ya | yo | equals512(y, '.'))) |
                              ((equals512(x, 'f') | equals512(x, 'g')) & equals512(y, 'e')) |
                              (equals512(x, 'n') & (ya | equals512(y, static_cast<char>(0xe3))));
    const __m512i before = _mm512_loadu_si512(p - 1);
    const std::uint64_t word = inRange512(_mm512_or_si512(before, lowerBit), 'a', 26) |
                               inRange512(before, '0', 10) | equals512(before, '_');
    return hit & ~word;
}

} // namespace ts::guard::structured
