#pragma once
// The byte classes the candidate scan (candidate_scan.cpp) reads, as bit masks of a 64-byte chunk:
// with SSE2, which every x86-64 has; with AVX2, which needs less than half the instructions; and
// with AVX-512 (F and BW), where the chunk is one register and each compare gives its mask at once
// (chosen at run time: simd_level.h). All give the same masks, but AVX-512's maybeToken is exact.
#include <cstdint>
#include <immintrin.h>

namespace ts::guard::structured {

struct Masks // bit i describes byte i of a 64-byte chunk
{
    std::uint64_t digit = 0, colon = 0;
    std::uint64_t maybeToken = 0;    // a superset of the token bytes: [+-z], 0x2B to 0x7A (exact with AVX-512)
    std::uint64_t zero = 0;          // '0'
    std::uint64_t separator = 0;     // [-./], 0x2D to 0x2F: what separates a date's or an ipv4's parts
    std::uint64_t upper = 0;         // [A-Z]: before a number, an iban's country code
    std::uint64_t opener = 0;        // [+(]: before a digit, a phone's start
    std::uint64_t oneOrTwo = 0;      // [12]: a year's first digit
};

// Signed x in [lo, lo + count) as one subtraction and one compare: the range moves to the bottom
// of the signed bytes.
inline __m128i inRange(__m128i x, char lo, int count)
{
    const __m128i moved = _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 128)));
    return _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(-128 + count)));
}

inline std::uint64_t bits(__m128i m, int lane)
{
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(m))) << (16 * lane);
}

inline __m128i lane(const char* p, int i)
{
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
}

[[gnu::always_inline]] inline Masks classifySse2(const char* p)
{
    Masks m;
#pragma GCC unroll 4
    for (int i = 0; i < 4; ++i) {
        const __m128i x = lane(p, i);
        m.digit |= bits(inRange(x, '0', 10), i);
        m.colon |= bits(_mm_cmpeq_epi8(x, _mm_set1_epi8(':')), i);
        m.maybeToken |= bits(inRange(x, '+', 'z' - '+' + 1), i);
        m.zero |= bits(_mm_cmpeq_epi8(x, _mm_set1_epi8('0')), i);
        m.separator |= bits(inRange(x, '-', 3), i);
        m.upper |= bits(inRange(x, 'A', 26), i);
        m.opener |= bits(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('+')), _mm_cmpeq_epi8(x, _mm_set1_epi8('('))), i);
        m.oneOrTwo |= bits(inRange(x, '1', 2), i);
    }
    return m;
}

[[gnu::target("avx2")]] inline __m256i inRange256(__m256i x, char lo, int count)
{
    const __m256i moved = _mm256_sub_epi8(x, _mm256_set1_epi8(static_cast<char>(lo - 128)));
    return _mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(-128 + count)), moved);
}

[[gnu::target("avx2")]] inline std::uint64_t bits256(__m256i m, int lane)
{
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm256_movemask_epi8(m))) << (32 * lane);
}

// Each byte's class bits, looked up by its low and high nibble in two 16-byte tables (vpshufb):
// a byte is in a class when both its nibbles are.
[[gnu::target("avx2")]] inline __m256i nibbleClasses(__m256i x, __m128i low, __m128i high)
{
    const __m256i nibble = _mm256_set1_epi8(0x0f);
    return _mm256_and_si256(
        _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(low), _mm256_and_si256(x, nibble)),
        _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(high), _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble)));
}

// AVX2 looks each byte's class bits up by its two nibbles (vpshufb), one table per nibble: a byte
// is in a class when both its nibbles are. Each class is one nibble set times another, so upper
// case takes two bits (0x41-0x4F, 0x50-0x5A). maybeToken, not such a product, is a range compare.
enum ClassBit : std::uint8_t {
    kDigitBit = 1, kZeroBit = 2, kColonBit = 4, kSeparatorBit = 8, kUpperLowBit = 16, kUpperHighBit = 32,
    kOpenerBit = 64, kOneOrTwoBit = 128,
};

[[gnu::target("avx2")]] inline Masks classifyAvx2(const char* p)
{
    constexpr std::uint8_t digitLow = kDigitBit | kUpperLowBit | kUpperHighBit; // 1 to 9
    // Indexed by the low nibble: the classes that nibble can be in.
    alignas(16) static constexpr std::uint8_t kLow[16] = {
        kDigitBit | kZeroBit | kUpperHighBit, digitLow | kOneOrTwoBit, digitLow | kOneOrTwoBit, digitLow, digitLow,
        digitLow, digitLow, digitLow, digitLow | kOpenerBit, digitLow, kColonBit | kUpperLowBit | kUpperHighBit,
        kUpperLowBit | kOpenerBit, kUpperLowBit, kSeparatorBit | kUpperLowBit, kSeparatorBit | kUpperLowBit,
        kSeparatorBit | kUpperLowBit};
    // Indexed by the high nibble: 0x2_ holds separators and openers, 0x3_ digits and ':', 0x4_ and
    // 0x5_ upper case; bytes from 0x80 have none.
    alignas(16) static constexpr std::uint8_t kHigh[16] = {
        0, 0, kSeparatorBit | kOpenerBit, kDigitBit | kZeroBit | kColonBit | kOneOrTwoBit, kUpperLowBit, kUpperHighBit};
    const __m128i low = _mm_load_si128(reinterpret_cast<const __m128i*>(kLow));
    const __m128i high = _mm_load_si128(reinterpret_cast<const __m128i*>(kHigh));
    Masks m;
#pragma GCC unroll 2
    for (int i = 0; i < 2; ++i) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * i));
        const __m256i classes = nibbleClasses(x, low, high);
        // Each class bit moved to the byte's top bit, which vpmovmskb collects (the shift moves
        // no bit of one byte into the other's top bit).
        m.digit |= bits256(_mm256_slli_epi16(classes, 7), i);
        m.zero |= bits256(_mm256_slli_epi16(classes, 6), i);
        m.colon |= bits256(_mm256_slli_epi16(classes, 5), i);
        m.separator |= bits256(_mm256_slli_epi16(classes, 4), i);
        m.opener |= bits256(_mm256_slli_epi16(classes, 1), i);
        m.oneOrTwo |= bits256(classes, i);
        const __m256i upperBits = _mm256_set1_epi8(kUpperLowBit | kUpperHighBit);
        const __m256i notUpper = _mm256_cmpeq_epi8(_mm256_and_si256(classes, upperBits), _mm256_setzero_si256());
        m.upper |= ~bits256(notUpper, i) & (std::uint64_t{0xffffffff} << (32 * i));
        const __m256i moved = _mm256_sub_epi8(x, _mm256_set1_epi8(static_cast<char>('+' - 128)));
        m.maybeToken |= bits256(_mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(-128 + 'z' - '+' + 1)), moved), i);
    }
    return m;
}

#define TS_GUARD_AVX512 gnu::target("avx512f,avx512bw,bmi,bmi2,lzcnt,popcnt")

[[TS_GUARD_AVX512]] inline std::uint64_t inRange512(__m512i x, char lo, int count) // unsigned x - lo < count
{
    return _mm512_cmplt_epu8_mask(_mm512_sub_epi8(x, _mm512_set1_epi8(lo)), _mm512_set1_epi8(static_cast<char>(count)));
}

[[TS_GUARD_AVX512]] inline std::uint64_t equals512(__m512i x, char c)
{
    return _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(c));
}

// [A-Za-z0-9+/_-]: setting bit 5 moves upper case onto lower case and nothing else there.
[[TS_GUARD_AVX512]] inline std::uint64_t tokenBytes512(__m512i x, std::uint64_t digit)
{
    return inRange512(_mm512_or_si512(x, _mm512_set1_epi8(0x20)), 'a', 26) | digit | equals512(x, '+') |
           equals512(x, '/') | equals512(x, '_') | equals512(x, '-');
}

[[TS_GUARD_AVX512]] inline Masks classifyAvx512(const char* p)
{
    const __m512i x = _mm512_loadu_si512(p);
    Masks m;
    m.digit = inRange512(x, '0', 10);
    m.colon = equals512(x, ':');
    m.maybeToken = tokenBytes512(x, m.digit);
    m.zero = equals512(x, '0');
    m.separator = inRange512(x, '-', 3);
    m.upper = inRange512(x, 'A', 26);
    m.opener = equals512(x, '+') | equals512(x, '(');
    m.oneOrTwo = inRange512(x, '1', 2);
    return m;
}

} // namespace ts::guard::structured
