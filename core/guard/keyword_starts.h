#pragma once
// Where a birth-date keyword ("born", "dob", "nato il"...: birth_dates.cpp) may start, 64 bytes
// at a time with AVX-512: the look-back before a date (birth_dates.cpp) and the candidate scan,
// which does not visit a year no keyword could reach (candidate_scan.cpp), both read it.
#include "guard/chunk_classes.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <string_view>

namespace ts::guard::structured {

// Bit i: p[i] to p[i + 2] may be a keyword's first three bytes (bor, bir, dat, d.o, dob, geb, fec,
// nac, nat and "né", in either case) at a word start (p[i - 1] is not [A-Za-z0-9_]). Setting bit 5
// lowers the letters and maps a few other bytes onto them: a superset. The third byte matters:
// two-letter starts ("do", "na", "da") begin every few words of prose. Reads p[-1] to p[65].
[[TS_GUARD_AVX512]] inline std::uint64_t keywordStarts512(const char* p)
{
    const __m512i lowerBit = _mm512_set1_epi8(0x20);
    const __m512i x = _mm512_or_si512(_mm512_loadu_si512(p), lowerBit);
    const __m512i y = _mm512_or_si512(_mm512_loadu_si512(p + 1), lowerBit);
    const __m512i z = _mm512_or_si512(_mm512_loadu_si512(p + 2), lowerBit);
    const std::uint64_t ya = equals512(y, 'a'), ye = equals512(y, 'e'), zb = equals512(z, 'b'),
                        zc = equals512(z, 'c'), zt = equals512(z, 't');
    const std::uint64_t hit =
        (equals512(x, 'b') & (equals512(y, 'o') | equals512(y, 'i')) & equals512(z, 'r')) |
        (equals512(x, 'd') & ((ya & zt) | (equals512(y, 'o') & zb) | (equals512(y, '.') & equals512(z, 'o')))) |
        (equals512(x, 'f') & ye & zc) | (equals512(x, 'g') & ye & zb) |
        (equals512(x, 'n') & ((ya & (zc | zt)) | (equals512(y, static_cast<char>(0xe3)) & equals512(z, static_cast<char>(0xa9)))));
    const __m512i before = _mm512_loadu_si512(p - 1);
    const std::uint64_t word = inRange512(_mm512_or_si512(before, lowerBit), 'a', 26) |
                               inRange512(before, '0', 10) | equals512(before, '_');
    return hit & ~word;
}

// keywordStarts512 of the text's 64-byte chunks (chunk k: bytes 64k to 64k + 63), each computed
// once while it is in use: the look-backs of nearby dates and years read the same chunks again.
class KeywordStartCache
{
public:
    explicit KeywordStartCache(std::string_view text) : m_text(text) {}

    // Whether chunk k can be read whole (with the byte before it and the two after).
    bool readable(std::size_t chunk) const { return chunk > 0 && chunk * 64 + 66 <= m_text.size(); }

    [[TS_GUARD_AVX512]] std::uint64_t startsIn(std::size_t chunk)
    {
        const std::size_t slot = chunk % kSlots;
        if (m_chunk[slot] != chunk + 1) {
            m_chunk[slot] = chunk + 1;
            m_starts[slot] = keywordStarts512(m_text.data() + chunk * 64);
        }
        return m_starts[slot];
    }

    // Calls tryAt with each keyword start in [j, hi), in order, through the readable chunks from
    // j's on; returns where it stopped (hi, or the first byte of a chunk it cannot read).
    template<typename TryAt>
    [[TS_GUARD_AVX512]] std::size_t visit(std::size_t j, std::size_t hi, TryAt tryAt)
    {
        for (std::size_t chunk = j / 64; j < hi && readable(chunk); ++chunk) {
            const std::size_t base = chunk * 64;
            std::uint64_t starts = startsIn(chunk) & (~std::uint64_t{0} << (j - base));
            if (hi - base < 64)
                starts &= (std::uint64_t{1} << (hi - base)) - 1;
            for (; starts; starts &= starts - 1)
                tryAt(base + static_cast<std::size_t>(std::countr_zero(starts)));
            j = std::min(base + 64, hi);
        }
        return j;
    }

private:
    static constexpr std::size_t kSlots = 4;
    std::string_view m_text;
    std::size_t m_chunk[kSlots] = {}; // chunk + 1 whose starts the slot holds; 0: none
    std::uint64_t m_starts[kSlots] = {};
};

} // namespace ts::guard::structured
