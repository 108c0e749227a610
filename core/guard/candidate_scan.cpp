#include "guard/candidate_scan.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <emmintrin.h>

namespace ts::guard::structured {

namespace {

struct Masks // bit i describes byte i of a 64-byte chunk
{
    std::uint64_t digit = 0, colon = 0;
    std::uint64_t maybeToken = 0; // a superset of the token bytes: [+-z], 0x2B to 0x7A
};

// Signed x in [lo, lo + count) as one subtraction and one compare: the range moves to the bottom
// of the signed bytes.
__m128i inRange(__m128i x, char lo, int count)
{
    const __m128i moved = _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 128)));
    return _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(-128 + count)));
}

std::uint64_t bits(__m128i m, int lane)
{
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(m))) << (16 * lane);
}

__m128i lane(const char* p, int i)
{
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
}

// Every chunk: three cheap classes. Ordinary text breaks token runs with spaces, so the exact
// token class below is needed only where a maybe-token run reaches 24 bytes.
[[gnu::always_inline]] inline Masks classify(const char* p)
{
    Masks m;
#pragma GCC unroll 4
    for (int i = 0; i < 4; ++i) {
        const __m128i x = lane(p, i);
        m.digit |= bits(inRange(x, '0', 10), i);
        m.colon |= bits(_mm_cmpeq_epi8(x, _mm_set1_epi8(':')), i);
        m.maybeToken |= bits(inRange(x, '+', 'z' - '+' + 1), i);
    }
    return m;
}

std::uint64_t tokenMask(const char* p) // [A-Za-z0-9+/_-]
{
    std::uint64_t token = 0;
    for (int i = 0; i < 4; ++i) {
        const __m128i x = lane(p, i);
        const __m128i letter = inRange(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 26);
        const __m128i symbol = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('+')), _mm_cmpeq_epi8(x, _mm_set1_epi8('/'))),
            _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('_')), _mm_cmpeq_epi8(x, _mm_set1_epi8('-'))));
        token |= bits(_mm_or_si128(_mm_or_si128(inRange(x, '0', 10), letter), symbol), i);
    }
    return token;
}

// Does the chunk hold 24 set bits in a row, or continue a run of `carried` to 24?
bool reaches24(std::uint64_t m, std::size_t carried)
{
    const std::uint64_t a2 = m & (m >> 1), a4 = a2 & (a2 >> 2), a8 = a4 & (a4 >> 4), a16 = a8 & (a8 >> 8);
    return (a16 & (a8 >> 16)) != 0 ||
           carried + static_cast<std::size_t>(std::countr_one(m)) >= kLongTokenBytes;
}

std::size_t runAtEnd(std::uint64_t m, std::size_t carried)
{
    return ~m == 0 ? std::min(carried + 64, kLongTokenBytes) : static_cast<std::size_t>(std::countl_one(m));
}

std::uint64_t from(std::size_t base, std::size_t pos) // bits of the chunk at or after pos
{
    if (pos <= base)
        return ~std::uint64_t{0};
    return pos - base >= 64 ? 0 : ~std::uint64_t{0} << (pos - base);
}

// Bit i: byte i ends a token run (it is not a token byte, the 24 before it are). `previous` is
// the last chunk's token mask; unsigned __int128 holds both, previous in the low half.
std::uint64_t longTokenEnds(std::uint64_t token, std::uint64_t previous)
{
    __extension__ typedef unsigned __int128 U;
    const U r1 = (U{token} << 64) | previous; // bit j: byte j is a token byte
    const U r2 = r1 & (r1 << 1);              // ... and so is the one before, and so on
    const U r4 = r2 & (r2 << 2);
    const U r8 = r4 & (r4 << 4);
    const U r16 = r8 & (r8 << 8);
    const U r24 = r16 & (r8 << 16);
    return ~token & static_cast<std::uint64_t>(r24 >> 63);
}

template <typename OnPos>
std::size_t visit(std::uint64_t mask, std::size_t base, std::size_t resumeAt, OnPos onPos)
{
    for (mask &= from(base, resumeAt); mask; mask &= from(base, resumeAt))
        resumeAt = onPos(base + static_cast<std::size_t>(std::countr_zero(mask)));
    return resumeAt;
}

// The NUL-padded last chunk (NUL is in no class); `tail` holds it.
const char* chunkAt(std::string_view text, std::size_t base, char (&tail)[64])
{
    if (base + 64 <= text.size())
        return text.data() + base;
    std::memset(tail, 0, sizeof tail);
    if (base < text.size())
        std::memcpy(tail, text.data() + base, text.size() - base);
    return tail;
}

} // namespace

void scanCandidates(std::string_view text, CandidateVisitor& visitor)
{
    const std::size_t n = text.size();
    std::size_t digitsFrom = 0, colonsFrom = 0, maybeRun = 0;
    char tail[64];
    // One chunk past the last full one, so a token that runs to the end is reported.
    for (std::size_t base = 0; base <= n; base += 64) {
        const char* chunk = chunkAt(text, base, tail);
        const Masks m = classify(chunk);
        if (m.digit)
            digitsFrom =
                visit(m.digit, base, digitsFrom, [&](std::size_t pos) { return visitor.onDigit(pos); });
        if (m.colon)
            colonsFrom =
                visit(m.colon, base, colonsFrom, [&](std::size_t pos) { return visitor.onColon(pos); });
        if (reaches24(m.maybeToken, maybeRun)) {
            const std::uint64_t previous = base ? tokenMask(text.data() + base - 64) : 0;
            for (std::uint64_t ends = longTokenEnds(tokenMask(chunk), previous); ends; ends &= ends - 1) {
                const std::size_t end = base + static_cast<std::size_t>(std::countr_zero(ends));
                if (end <= n)
                    visitor.onLongToken(end);
            }
        }
        maybeRun = runAtEnd(m.maybeToken, maybeRun);
    }
}

} // namespace ts::guard::structured
