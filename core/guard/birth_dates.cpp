// Why this gives onBirthContext's findings: the reference route hands each keyword end `to`, in
// order, to onBirthContext, which skips it when to <= the end of the last finding, else reports
// the first date starting in [to, to + 40). Whether a date starts at i depends on the text alone,
// so a date at i is reported exactly when some keyword end lies in (lo, i], with lo the largest
// of: the last date start before i (that one would have been taken), the last finding's end, and
// i - 40. Date starts are tested here in increasing order, only near digit runs that a date must
// hold (mayHoldDate) and only where a keyword is near.
#include "guard/birth_dates.h"

#include "guard/chunk_classes.h"
#include "guard/keyword_starts.h"
#include "guard/simd_level.h"
#include "guard/validators.h"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <immintrin.h>

namespace ts::guard::structured {

namespace {

constexpr std::size_t kWindow = 40; // onBirthContext's reach after a keyword

struct Keyword
{
    std::string_view text; // lower-case, as the dob regex spells it
    bool wordEnd = true;   // followed by \b ("née? " ends in a space instead)
};

// The dob regex's alternatives, written out (structured_rules.cpp).
constexpr std::array<Keyword, 19> kKeywords{{
    {"born"},
    {"date of birth"},
    {"d.o.b"},
    {"dob"},
    {"birth date"},
    {"birthdate"},
    {"birthday"},
    {"geboren"},
    {"geburtsdatum"},
    {"geburtstag"},
    {"date de naissance"},
    {"fecha de nacimiento"},
    {"nacido"},
    {"nacida"},
    {"nato il"},
    {"nata il"},
    {"data di nascita"},
    {"n\xc3\xa9 ", false},
    {"n\xc3\xa9"
     "e ",
     false},
}};
constexpr std::size_t kLongestKeyword = 19;
static_assert(kBirthKeywordReach > 2 * kWindow + kLongestKeyword - 1);

char lower(char c)
{
    return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

__m128i equals(__m128i x, char c)
{
    return _mm_cmpeq_epi8(x, _mm_set1_epi8(c));
}

// Bit i: bytes p[i] and p[i + 1] may be a keyword's first two (bo, bi, da, d., do, fe, ge, na, n
// and the lead byte of é, in either case) at a word start (\b: p[i - 1] is not [A-Za-z0-9_]).
// Setting bit 5 lowers the letters (and maps a few other bytes onto them: a superset, which
// tryAt checks exactly). p[-1] to p[16] must be readable. Checking both bytes here leaves few
// words to check one by one: words starting with b, d, f, g or n are common in every language.
unsigned keywordStarts(const char* p)
{
    const __m128i lowerBit = _mm_set1_epi8(0x20);
    const __m128i x = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), lowerBit);
    const __m128i y = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1)), lowerBit);
    const __m128i yo = equals(y, 'o'), ya = equals(y, 'a');
    const __m128i b = _mm_and_si128(equals(x, 'b'), _mm_or_si128(yo, equals(y, 'i')));
    const __m128i d = _mm_and_si128(equals(x, 'd'), _mm_or_si128(_mm_or_si128(ya, yo), equals(y, '.')));
    const __m128i fg = _mm_and_si128(_mm_or_si128(equals(x, 'f'), equals(x, 'g')), equals(y, 'e'));
    const __m128i n = _mm_and_si128(equals(x, 'n'), _mm_or_si128(ya, equals(y, static_cast<char>(0xe3))));
    const __m128i hit = _mm_or_si128(_mm_or_si128(b, d), _mm_or_si128(fg, n));
    const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1));
    const __m128i word = _mm_or_si128(
        _mm_or_si128(inRange(_mm_or_si128(before, lowerBit), 'a', 26), inRange(before, '0', 10)),
        equals(before, '_'));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(word, hit)));
}

[[gnu::target("avx2")]] inline __m256i equals256(__m256i x, char c)
{
    return _mm256_cmpeq_epi8(x, _mm256_set1_epi8(c));
}

[[gnu::target("avx2")]] inline __m256i load256(const char* p)
{
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

// keywordStarts 32 bytes at a time from j while j < hi (and p[j - 1] to p[j + 32] are in t), on
// machines with AVX2: tryAt(at) for each hit at < hi. Returns where it stopped.
template<typename TryAt>
[[gnu::target("avx2")]] std::size_t keywordStarts32(std::string_view t, std::size_t j, std::size_t hi, TryAt tryAt)
{
    const __m256i lowerBit = _mm256_set1_epi8(0x20);
    for (; j + 33 <= t.size() && j < hi; j += 32) {
        const char* p = t.data() + j;
        const __m256i x = _mm256_or_si256(load256(p), lowerBit), y = _mm256_or_si256(load256(p + 1), lowerBit);
        const __m256i yo = equals256(y, 'o'), ya = equals256(y, 'a');
        const __m256i b = _mm256_and_si256(equals256(x, 'b'), _mm256_or_si256(yo, equals256(y, 'i')));
        const __m256i d =
            _mm256_and_si256(equals256(x, 'd'), _mm256_or_si256(_mm256_or_si256(ya, yo), equals256(y, '.')));
        const __m256i fg =
            _mm256_and_si256(_mm256_or_si256(equals256(x, 'f'), equals256(x, 'g')), equals256(y, 'e'));
        const __m256i n =
            _mm256_and_si256(equals256(x, 'n'), _mm256_or_si256(ya, equals256(y, static_cast<char>(0xe3))));
        const __m256i hit = _mm256_or_si256(_mm256_or_si256(b, d), _mm256_or_si256(fg, n));
        const __m256i before = load256(p - 1);
        const __m256i word = _mm256_or_si256(
            _mm256_or_si256(inRange256(_mm256_or_si256(before, lowerBit), 'a', 26), inRange256(before, '0', 10)),
            equals256(before, '_'));
        for (auto m = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_andnot_si256(word, hit))); m; m &= m - 1)
            if (const std::size_t at = j + static_cast<std::size_t>(std::countr_zero(m)); at < hi)
                tryAt(at);
    }
    return j;
}

// The same 64 bytes at a time with AVX-512 (keyword_starts.h; p[j + 65] is read).
template<typename TryAt>
[[TS_GUARD_AVX512]] std::size_t keywordStarts64(std::string_view t, std::size_t j, std::size_t hi, TryAt tryAt)
{
    for (; j + 66 <= t.size() && j < hi; j += 64)
        for (std::uint64_t m = keywordStarts512(t.data() + j); m; m &= m - 1)
            if (const std::size_t at = j + static_cast<std::size_t>(std::countr_zero(m)); at < hi)
                tryAt(at);
    return j;
}

std::size_t pairOf(char a, char b)
{
    return static_cast<std::size_t>(static_cast<unsigned char>(lower(a))) << 8 |
           static_cast<unsigned char>(lower(b));
}

// The keywords' first two bytes: most words with a keyword's first letter fail on the second.
const std::bitset<65536>& keywordPairs()
{
    static const std::bitset<65536> pairs = [] {
        std::bitset<65536> set;
        for (const Keyword& k : kKeywords)
            set.set(pairOf(k.text[0], k.text[1]));
        return set;
    }();
    return pairs;
}

bool keywordAt(std::string_view t, std::size_t j, const Keyword& k)
{
    if (t.size() - j < k.text.size())
        return false;
    for (std::size_t i = 0; i < k.text.size(); ++i)
        if (lower(t[j + i]) != k.text[i])
            return false;
    const std::size_t e = j + k.text.size();
    return !k.wordEnd || e == t.size() || !isWordChar(t[e]);
}

std::size_t digitsAt(std::string_view t, std::size_t p, std::size_t most)
{
    std::size_t k = p;
    while (k < t.size() && k - p <= most && isDigit(t[k]))
        ++k;
    return k - p;
}

// Every date onBirthContext reports holds a year of exactly four digits from 1900 to 2099
// (dayFirstDate, monthFirstDate, yyyy-mm-dd) or starts with 1, 2 or 4 digits, a separator, 1 or 2
// digits and the same separator (numericDate); either lies within 40 bytes after the date's start.
// A test of a few bytes that most digit runs fail.
bool mayHoldDateSlow(std::string_view t, std::size_t p)
{
    const std::size_t a = digitsAt(t, p, 4);
    if (a == 4 && ((t[p] == '1' && t[p + 1] == '9') || (t[p] == '2' && t[p + 1] == '0')))
        return true;
    if (a == 3 || a > 4 || p + a + 1 >= t.size())
        return false;
    const char sep = t[p + a];
    if (sep != '.' && sep != '/' && sep != '-')
        return false;
    const std::size_t b = digitsAt(t, p + a + 1, 2);
    return b >= 1 && b <= 2 && p + a + 1 + b < t.size() && t[p + a + 1 + b] == sep;
}

// The same from one 8-byte word (all it reads): the digit counts come from a mask of the word's
// non-digit bytes, not from loops that end in a mispredicted branch at every year-like number.
bool mayHoldDate(std::string_view t, std::size_t p)
{
    if (t.size() - p < 8)
        return mayHoldDateSlow(t, p);
    std::uint64_t v;
    std::memcpy(&v, t.data() + p, sizeof v); // byte i of the text is byte i of v: x86 is little-endian
    constexpr std::uint64_t kLow7 = 0x7f7f7f7f7f7f7f7f, kTop = 0x8080808080808080;
    const std::uint64_t offset = v ^ 0x3030303030303030; // a digit's byte becomes 0 to 9
    // Top bit of a byte: it is not a digit (>= 10 once moved up by 0x76, or had its top bit).
    const std::uint64_t nonDigit = (((offset & kLow7) + 0x7676767676767676) | offset) & kTop;
    auto run = [&](int from, std::size_t most) { // digits from byte `from` on, at most `most`
        const std::uint64_t rest = nonDigit >> (8 * from);
        return std::min(rest ? static_cast<std::size_t>(std::countr_zero(rest)) / 8 : 8, most);
    };
    auto byte = [&](std::size_t i) { return static_cast<char>(v >> (8 * i)); };
    const std::size_t a = run(0, 5); // digitsAt(t, p, 4)
    const unsigned firstTwo = static_cast<unsigned>(v & 0xffff);
    const bool year = (a == 4) & ((firstTwo == ('1' | '9' << 8)) | (firstTwo == ('2' | '0' << 8)));
    if ((a == 3) | (a > 4))
        return year;
    const char sep = byte(a);
    const std::size_t b = run(static_cast<int>(a) + 1, 3); // digitsAt(t, p + a + 1, 2)
    const bool separated = (sep == '.') | (sep == '/') | (sep == '-');
    return year | (separated & (b >= 1) & (b <= 2) & (byte(std::min<std::size_t>(a + 1 + b, 7)) == sep));
}

} // namespace

std::size_t dateAt(std::string_view t, std::size_t i)
{
    if (!isAlnum(t[i]) || (i > 0 && isAlnum(t[i - 1])))
        return 0;
    const std::size_t length = dateLength(t.substr(i, kWindow));
    return length && (i + length == t.size() || !isDigit(t[i + length])) ? length : 0;
}

std::size_t birthKeywordEnd(std::string_view t, std::size_t lo, std::size_t hi, KeywordStartCache* starts)
{
    std::size_t best = npos;
    auto tryAt = [&](std::size_t j) {
        if ((j > 0 && isWordChar(t[j - 1])) || j + 1 >= t.size() ||
            !keywordPairs().test(pairOf(t[j], t[j + 1])))
            return;
        const char c = lower(t[j]);
        for (const Keyword& k : kKeywords) {
            const std::size_t e = j + k.text.size();
            if (k.text[0] == c && e > lo && e <= hi && e < best && keywordAt(t, j, k))
                best = e;
        }
    };
    std::size_t j = lo + 1 > kLongestKeyword ? lo + 1 - kLongestKeyword : 0;
    if (j == 0 && hi > 0)
        tryAt(j++);
    // 64, 32 or 16 bytes at a time, only at word starts with a keyword's first two letters: this
    // runs at every year-like number.
    if (simdLevel() == SimdLevel::Avx512) {
        if (starts)
            j = starts->visit(j, hi, tryAt);
        j = keywordStarts64(t, j, hi, tryAt);
    }
    if (simdLevel() != SimdLevel::Sse2)
        j = keywordStarts32(t, j, hi, tryAt);
    for (; j + 17 <= t.size() && j < hi; j += 16)
        for (unsigned m = keywordStarts(t.data() + j); m; m &= m - 1)
            if (const std::size_t at = j + static_cast<std::size_t>(std::countr_zero(m)); at < hi)
                tryAt(at);
    for (; j < hi; ++j)
        tryAt(j);
    return best;
}

const std::vector<DobFinding>& BirthDates::atDigitRun(std::size_t p)
{
    m_found.clear();
    if (!mayHoldDate(m_text, p))
        return m_found;
    // Dates holding this run start in [from, p]; those before `from` were the previous trigger's.
    const std::size_t from = std::max(p > kWindow ? p - kWindow : 0, m_testedTo);
    m_testedTo = p + 1;
    // Without a keyword that could reach them, whether dates start here cannot matter: m_lastDate
    // may stay older, which admits only keyword ends too far from any later date.
    if (birthKeywordEnd(m_text, std::max(from > kWindow ? from - kWindow : 0, m_lastEnd), p, &m_starts) == npos)
        return m_found;
    for (std::size_t i = from; i <= p; ++i)
        if (const DobFinding f = candidate(i); f.end)
            m_found.push_back(f);
    return m_found;
}

DobFinding BirthDates::candidate(std::size_t i)
{
    const std::size_t length = dateAt(m_text, i);
    if (!length)
        return {};
    const std::size_t lo = std::max({m_lastDate, m_lastEnd, i > kWindow ? i - kWindow : 0});
    m_lastDate = i;
    const std::size_t keyword = birthKeywordEnd(m_text, lo, i, &m_starts);
    if (keyword == npos)
        return {};
    m_lastEnd = i + length;
    return {i, i + length, keyword};
}

} // namespace ts::guard::structured
