#include "guard/number_run.h"

#include "guard/chunk_classes.h"
#include "guard/simd_level.h"

#include <bit>

namespace ts::guard::structured {

namespace {

constexpr std::size_t kHalf = 32;   // the window is [pos - 32, pos + 32)
constexpr std::size_t kDateReach = 8; // mayHoldDate reads up to 8 bytes past a digit run's start

struct WindowMasks // bit i describes byte base + i
{
    std::uint64_t numberChar = 0, digit = 0, dot = 0, opener = 0, separator = 0, zero = 0;
};

__m128i equals(__m128i x, char c)
{
    return _mm_cmpeq_epi8(x, _mm_set1_epi8(c));
}

WindowMasks classifyWindow(const char* p)
{
    WindowMasks m;
    for (int i = 0; i < 4; ++i) {
        const __m128i x = lane(p, i);
        const __m128i digit = inRange(x, '0', 10);
        // ( ) * + , - . less * and ,
        const __m128i punctuation =
            _mm_andnot_si128(_mm_or_si128(equals(x, '*'), equals(x, ',')), inRange(x, '(', 7));
        m.numberChar |= bits(_mm_or_si128(_mm_or_si128(digit, equals(x, ' ')), punctuation), i);
        m.digit |= bits(digit, i);
        m.dot |= bits(equals(x, '.'), i);
        m.opener |= bits(_mm_or_si128(equals(x, '+'), equals(x, '(')), i);
        m.separator |= bits(inRange(x, '-', 3), i);
        m.zero |= bits(equals(x, '0'), i);
    }
    return m;
}

// The same masks with AVX2: each byte's class bits looked up by its two nibbles (nibbleClasses in
// chunk_classes.h). Each class is a set of high nibbles times a set of low ones.
enum WindowClass : std::uint8_t {
    kWindowDigit = 1, kWindowZero = 2, kWindowDot = 4, kWindowOpener = 8, kWindowSeparator = 16,
    kWindowPunctuation = 32, // [ ()+-.]
};

[[gnu::target("avx2")]] WindowMasks classifyWindowAvx2(const char* p)
{
    const __m128i low = _mm_setr_epi8(
        kWindowDigit | kWindowZero | kWindowPunctuation, kWindowDigit, kWindowDigit, kWindowDigit, kWindowDigit,
        kWindowDigit, kWindowDigit, kWindowDigit, kWindowDigit | kWindowOpener | kWindowPunctuation,
        kWindowDigit | kWindowPunctuation, 0, kWindowOpener | kWindowPunctuation, 0,
        kWindowSeparator | kWindowPunctuation, kWindowDot | kWindowSeparator | kWindowPunctuation, kWindowSeparator);
    const __m128i high = _mm_setr_epi8(0, 0, kWindowDot | kWindowOpener | kWindowSeparator | kWindowPunctuation,
                                       kWindowDigit | kWindowZero, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    WindowMasks m;
    for (int i = 0; i < 2; ++i) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * i));
        const __m256i classes = nibbleClasses(x, low, high);
        m.digit |= bits256(_mm256_slli_epi16(classes, 7), i);
        m.zero |= bits256(_mm256_slli_epi16(classes, 6), i);
        m.dot |= bits256(_mm256_slli_epi16(classes, 5), i);
        m.opener |= bits256(_mm256_slli_epi16(classes, 4), i);
        m.separator |= bits256(_mm256_slli_epi16(classes, 3), i);
        const __m256i notNumberChar = _mm256_cmpeq_epi8(
            _mm256_and_si256(classes, _mm256_set1_epi8(kWindowDigit | kWindowPunctuation)), _mm256_setzero_si256());
        m.numberChar |= ~bits256(notNumberChar, i) & (std::uint64_t{0xffffffff} << (32 * i));
    }
    return m;
}

[[TS_GUARD_AVX512]] WindowMasks classifyWindowAvx512(const char* p)
{
    const __m512i x = _mm512_loadu_si512(p);
    WindowMasks m;
    m.digit = inRange512(x, '0', 10);
    m.dot = equals512(x, '.');
    m.opener = equals512(x, '+') | equals512(x, '(');
    m.separator = inRange512(x, '-', 3);
    m.zero = equals512(x, '0');
    const std::uint64_t parenToDot = inRange512(x, '(', 7) & ~(equals512(x, '*') | equals512(x, ','));
    m.numberChar = m.digit | equals512(x, ' ') | parenToDot;
    return m;
}

WindowMasks classify(const char* p)
{
    switch (simdLevel()) {
    case SimdLevel::Avx512:
        return classifyWindowAvx512(p);
    case SimdLevel::Avx2:
        return classifyWindowAvx2(p);
    case SimdLevel::Sse2:
        break;
    }
    return classifyWindow(p);
}

// std::popcount is a libgcc call without -mpopcnt (not in baseline x86-64); these counts are small.
std::size_t count(std::uint64_t m)
{
    m -= (m >> 1) & 0x5555555555555555u;
    m = (m & 0x3333333333333333u) + ((m >> 2) & 0x3333333333333333u);
    m = (m + (m >> 4)) & 0x0f0f0f0f0f0f0f0fu;
    return static_cast<std::size_t>((m * 0x0101010101010101u) >> 56);
}

} // namespace

bool readNumberRun(std::string_view t, std::size_t pos, NumberRun& run)
{
    if (pos < kHalf || t.size() - pos < kHalf)
        return false;
    const std::size_t base = pos - kHalf;
    const WindowMasks m = classify(t.data() + base);
    const std::uint64_t before = ~m.numberChar & ((std::uint64_t{1} << kHalf) - 1);
    const std::uint64_t after = ~m.numberChar & (~std::uint64_t{0} << (kHalf + 1));
    if (!before || !after)
        return false;
    const auto from = static_cast<std::size_t>(64 - std::countl_zero(before));
    const auto to = static_cast<std::size_t>(std::countr_zero(after));
    if (to + kDateReach > 64)
        return false;
    const std::uint64_t inRun = (~std::uint64_t{0} << from) & ((std::uint64_t{1} << to) - 1);
    const std::uint64_t d = m.digit;
    const std::uint64_t runStarts = d & ~(d << 1) & inRun;
    const std::uint64_t separatorThenDigit = m.separator & (d >> 1); // bit i: bytes i and i + 1
    run.start = base + from;
    run.end = base + to;
    run.base = base;
    run.digits = count(d & inRun);
    run.dots = count(m.dot & inRun);
    run.openers = count(m.opener & inRun);
    run.doubleZero = (runStarts & m.zero & (m.zero >> 1)) != 0;
    run.dateStarts =
        runStarts & ((d >> 1 & d >> 2 & d >> 3) | separatorThenDigit >> 1 | (d >> 1 & separatorThenDigit >> 2));
    return true;
}

} // namespace ts::guard::structured
