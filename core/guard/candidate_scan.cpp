#include "guard/candidate_scan.h"

#include "guard/birth_dates.h"
#include "guard/chunk_classes.h"
#include "guard/keyword_starts.h"
#include "guard/simd_level.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace ts::guard::structured {

namespace {

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

// Bit i: byte i + k, the next chunk's bytes moved in (0 < k < 64): one shrd. Written out because
// GCC, given unsigned __int128, spills both halves to the stack in the scan loop, and given two
// 64-bit shifts, emits three instructions.
template<int k>
std::uint64_t ahead(std::uint64_t m, std::uint64_t next)
{
    asm("shrdq %2, %1, %0" : "+r"(m) : "r"(next), "i"(k) : "cc");
    return m;
}

// Bit i: byte i - k, the previous chunk's bytes moved in (0 < k < 64): one shld.
template<int k>
std::uint64_t behind(std::uint64_t m, std::uint64_t previous)
{
    asm("shldq %2, %1, %0" : "+r"(m) : "r"(previous), "i"(k) : "cc");
    return m;
}

struct PreviousChunk // what candidateDigits reads of it
{
    std::uint64_t digit = 0, upper = 0, opener = 0;
};

// Digits of every [0-9 .()+-] run that a phone, card, iban, ssn or ipv4 match or a date the dob
// rule reads can lie in. Each such match or date holds one of:
// - four digits in a row that start with 1 or 2 (a year) or have more digits right after them or
//   digits two and three bytes before them (the groups of cards, ssns written with spaces);
// - a digit, one of [-./], 1 to 3 digits and another of them (ipv4, numeric dates: "12.03.");
// - a digit after '+' or '(' (the other phones), or after two upper-case letters (an iban);
// - "00" and a digit other than 0 starting a number (an international prefix).
// A superset, checked exactly by the visitor: most numbers in prose hold none of them ("240 ms",
// "12.5%", "port 8080", "T10:30:00.123Z").
struct DigitCandidates
{
    std::uint64_t all = 0;
    std::uint64_t yearsOnly = 0; // candidates only as a year, which only the dob rule reads
};

DigitCandidates candidateDigits(const PreviousChunk& previous, const Masks& m, const Masks& next)
{
    const std::uint64_t d = m.digit, d1 = ahead<1>(d, next.digit), d2 = ahead<2>(d, next.digit),
                        d3 = ahead<3>(d, next.digit), d4 = ahead<4>(d, next.digit), d5 = ahead<5>(d, next.digit);
    const std::uint64_t s = m.separator, s1 = ahead<1>(s, next.separator), s3 = ahead<3>(s, next.separator),
                        s4 = ahead<4>(s, next.separator), s5 = ahead<5>(s, next.separator);
    // A card's first group is followed by a digit, ' ' or '-' ("8080:8080" is not a card).
    const std::uint64_t moreAfter = d4 | (d5 & ~ahead<4>(m.colon, next.colon));
    const std::uint64_t fourDigits = d & d1 & d2 & d3;
    // Or a last group after "dd ": an ssn written with spaces ("123 45 6789"), which no other term
    // finds; "Q3 2023" is not one.
    const std::uint64_t lastGroup = behind<2>(d, previous.digit) & behind<3>(d, previous.digit);
    const std::uint64_t grouped4 = fourDigits & (moreAfter | lastGroup);
    const std::uint64_t grouped = d & s1 & d2 & (s3 | (d3 & (s4 | (d4 & s5))));
    const std::uint64_t afterOpener = d & behind<1>(m.opener, previous.opener);
    const std::uint64_t afterCountry = d & behind<1>(m.upper, previous.upper) & behind<2>(m.upper, previous.upper);
    const std::uint64_t zero1 = ahead<1>(m.zero, next.zero), zero2 = ahead<2>(m.zero, next.zero);
    const std::uint64_t doubleZero = m.zero & ~behind<1>(d, previous.digit) & zero1 & d2 & ~zero2;
    const std::uint64_t others = grouped4 | grouped | afterOpener | afterCountry | doubleZero;
    const std::uint64_t years = fourDigits & m.oneOrTwo;
    return {others | years, years & ~others};
}

// A year is a candidate only for the dob rule, which needs a birth-date keyword starting within
// kBirthKeywordReach bytes before it: most years in text have none, and are not visited. With
// AVX-512 (keyword_starts.h), 64 bytes a test; the last few chunks' answers are kept.
class KeywordsNear
{
public:
    explicit KeywordsNear(std::string_view text) : m_starts(text) {}

    // Might a keyword start in [pos - kBirthKeywordReach, pos)? Near the text's ends: yes.
    [[TS_GUARD_AVX512]] bool before(std::size_t pos)
    {
        if (pos < kBirthKeywordReach)
            return true;
        bool found = false;
        const std::size_t stopped = m_starts.visit(pos - kBirthKeywordReach, pos, [&](std::size_t) { found = true; });
        return found || stopped < pos;
    }

private:
    KeywordStartCache m_starts;
};

// Bits of `m` spread to the 2nd to 5th bytes after them (the previous chunk's `previous` moved in).
std::uint64_t twoToFiveAfter(std::uint64_t m, std::uint64_t previous)
{
    std::uint64_t spread = m | m << 1, spreadBefore = previous | previous >> 1;
    spread |= spread << 2;
    spreadBefore |= spreadBefore >> 2;
    return spread << 2 | spreadBefore >> 59;
}

// Colons that may be part of an ipv6 match: the second of "::", or the last of four colons chained
// as the full form writes them (each 2 to 5 bytes after the one before: 1 to 4 hex digits between).
// Chains are carried from chunk to chunk; most chunks have no colon and skip the arithmetic.
class ColonChains
{
public:
    std::uint64_t candidates(std::uint64_t colons)
    {
        if (!(colons | m_colons)) // m_two and m_three are subsets of m_colons
            return 0;
        const std::uint64_t two = colons & twoToFiveAfter(colons, m_colons);
        const std::uint64_t three = colons & twoToFiveAfter(two, m_two);
        const std::uint64_t four = colons & twoToFiveAfter(three, m_three);
        const std::uint64_t doubled = colons & behind<1>(colons, m_colons);
        m_colons = colons;
        m_two = two;
        m_three = three;
        return doubled | four;
    }

private:
    std::uint64_t m_colons = 0, m_two = 0, m_three = 0;
};

template <typename OnPos>
std::size_t visit(std::uint64_t mask, std::size_t base, std::size_t resumeAt, OnPos onPos)
{
    for (mask &= from(base, resumeAt); mask; mask &= from(base, resumeAt))
        resumeAt = onPos(base + static_cast<std::size_t>(std::countr_zero(mask)));
    return resumeAt;
}

// The NUL-padded last chunk, or NULs past the end (NUL is in no class); `tail` holds them.
const char* chunkAt(std::string_view text, std::size_t base, char (&tail)[64])
{
    if (base + 64 <= text.size())
        return text.data() + base;
    std::memset(tail, 0, sizeof tail);
    if (base < text.size())
        std::memcpy(tail, text.data() + base, text.size() - base);
    return tail;
}

// wide (AVX-512): the classifier's maybeToken is exactly the token bytes, so the chunks that may
// hold a long token need no second look; and years no keyword can reach are not visited.
template<Masks (*classify)(const char*), bool wide>
class Scan
{
public:
    Scan(std::string_view text, CandidateVisitor& visitor) : m_text(text), m_visitor(visitor), m_keywords(text) {}

    void run()
    {
        const std::size_t n = m_text.size();
        char tails[2][64]; // the current chunk's and the next one's, when they pass the end
        // Candidates look a few bytes ahead and one behind, so each chunk is classified one step
        // early. A block of chunks is classified first and then read: one loop of vector compares
        // and one of scalar logic each keep their state in registers, where a single loop spilled
        // both (and moved its masks through mask registers).
        Masks masks[kBlock + 1];
        masks[0] = classify(chunkAt(m_text, 0, tails[0]));
        std::size_t base = 0;
        for (; base + 64 * (kBlock + 1) <= n; base += 64 * kBlock) {
            for (std::size_t i = 1; i <= kBlock; ++i) {
                _mm_prefetch(m_text.data() + std::min(base + 64 * i + 2048, n - 1), _MM_HINT_T0);
                masks[i] = classify(m_text.data() + base + 64 * i);
            }
            for (std::size_t i = 0; i < kBlock; ++i)
                step(base + 64 * i, m_text.data() + base + 64 * i, masks[i], masks[i + 1]);
            masks[0] = masks[kBlock];
        }
        // The last chunks one at a time, and one past the last full one, so a token that runs to
        // the end is reported.
        for (; base <= n; base += 64) {
            const Masks next = classify(chunkAt(m_text, base + 64, tails[(base / 64 + 1) % 2]));
            step(base, chunkAt(m_text, base, tails[(base / 64) % 2]), masks[0], next);
            masks[0] = next;
        }
    }

private:
    static constexpr std::size_t kBlock = 32; // chunks: 2 KB of text, 2 KB of masks

    void step(std::size_t base, const char* chunk, const Masks& m, const Masks& next)
    {
        // Every candidate is a digit of this chunk; more than half the chunks of prose have none.
        if (m.digit) {
            if (const std::uint64_t digits = digitsToVisit(base, candidateDigits(m_previous, m, next)))
                m_digitsFrom = visit(digits, base, m_digitsFrom, [&](std::size_t pos) { return m_visitor.onDigit(pos); });
        }
        if (const std::uint64_t colons = m_chains.candidates(m.colon))
            m_colonsFrom = visit(colons, base, m_colonsFrom, [&](std::size_t pos) { return m_visitor.onColon(pos); });
        if (reaches24(m.maybeToken, m_maybeRun)) {
            std::uint64_t token = m.maybeToken, before = m_previousToken;
            if constexpr (!wide) {
                token = tokenMask(chunk);
                before = base ? tokenMask(m_text.data() + base - 64) : 0;
            }
            for (std::uint64_t ends = longTokenEnds(token, before); ends; ends &= ends - 1) {
                const std::size_t end = base + static_cast<std::size_t>(std::countr_zero(ends));
                if (end <= m_text.size())
                    m_visitor.onLongToken(end);
            }
        }
        m_maybeRun = runAtEnd(m.maybeToken, m_maybeRun);
        m_previousToken = m.maybeToken;
        m_previous = {m.digit, m.upper, m.opener};
    }

    std::uint64_t digitsToVisit(std::size_t base, DigitCandidates c)
    {
        if constexpr (wide)
            for (std::uint64_t years = c.yearsOnly; years; years &= years - 1)
                if (!m_keywords.before(base + static_cast<std::size_t>(std::countr_zero(years))))
                    c.all &= ~(years & -years);
        return c.all;
    }

    std::string_view m_text;
    CandidateVisitor& m_visitor;
    KeywordsNear m_keywords;
    PreviousChunk m_previous;
    ColonChains m_chains;
    std::size_t m_digitsFrom = 0, m_colonsFrom = 0, m_maybeRun = 0;
    std::uint64_t m_previousToken = 0; // the last chunk's maybeToken: its token bytes when exact
};

// Flattened: the scan loop and the classifier are inlined here, where their instructions may be used.
[[TS_GUARD_AVX512, gnu::flatten]] void scanAvx512(std::string_view text, CandidateVisitor& visitor)
{
    Scan<classifyAvx512, true>(text, visitor).run();
}

[[gnu::target("avx2"), gnu::flatten]] void scanAvx2(std::string_view text, CandidateVisitor& visitor)
{
    Scan<classifyAvx2, false>(text, visitor).run();
}

void scanSse2(std::string_view text, CandidateVisitor& visitor)
{
    Scan<classifySse2, false>(text, visitor).run();
}

} // namespace

void scanCandidates(std::string_view text, CandidateVisitor& visitor)
{
    switch (simdLevel()) {
    case SimdLevel::Avx512:
        return scanAvx512(text, visitor);
    case SimdLevel::Avx2:
        return scanAvx2(text, visitor);
    case SimdLevel::Sse2:
        return scanSse2(text, visitor);
    }
}

} // namespace ts::guard::structured
