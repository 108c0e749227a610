#include "guard/validators.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <emmintrin.h>
#include <iterator>
#include <string>
#include <vector>

namespace ts::guard {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool isLower(char c)
{
    return c >= 'a' && c <= 'z';
}

char lower(char c)
{
    return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

int number(std::string_view digits)
{
    int n = 0;
    for (char c : digits)
        n = n * 10 + (c - '0');
    return n;
}

std::string digitsOf(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (isDigit(c))
            out += c;
    return out;
}

struct IbanCountry
{
    std::string_view code;
    std::size_t length;
};

// The SWIFT IBAN registry's lengths for the countries most often seen.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
    {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"DO", 28},
    {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23},
    {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30},
    {"NL", 18}, {"NO", 15}, {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22},
    {"SA", 24}, {"SC", 31}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25}, {"SV", 28}, {"TL", 23},
    {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"XK", 20},
};

// ITU-T E.164 country codes: the two-digit ones, and the two-digit prefixes of three-digit ones.
constexpr int kTwoDigitCodes[] = {20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46,
                                             47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63,
                                             64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98};
constexpr int kThreeDigitPrefixes[] = {21, 22, 23, 24, 25, 26, 29, 35, 37, 38, 42, 50,
                                                  59, 67, 68, 69, 80, 85, 87, 88, 96, 97, 99};

std::size_t countryCodeLength(std::string_view digits)
{
    if (digits.empty() || digits[0] == '0')
        return 0;
    if (digits[0] == '1' || digits[0] == '7')
        return 1;
    if (digits.size() < 3)
        return 0;
    const int two = number(digits.substr(0, 2));
    if (std::ranges::find(kTwoDigitCodes, two) != std::end(kTwoDigitCodes))
        return 2;
    if (std::ranges::find(kThreeDigitPrefixes, two) != std::end(kThreeDigitPrefixes))
        return 3;
    return 0;
}

// NANP: area code and exchange are [2-9]XX, and neither is an N11 service code (411, 911...).
bool nanpValid(std::string_view tenDigits)
{
    auto part = [&](std::size_t at) { return tenDigits.substr(at, 3); };
    for (std::string_view p : {part(0), part(3)})
        if (p[0] < '2' || (p[1] == '1' && p[2] == '1'))
            return false;
    return true;
}

// The layout of a phone number: digit groups with what separates them.
struct PhoneShape
{
    bool international = false; // "+" or "00"
    bool trunkZero = false;     // "(0)" after the country code, as in +44 (0)20...
    std::string digits;         // after the international prefix, without the "(0)"
    std::vector<std::size_t> groups;
    char separator = 0; // the one separator used between groups, if any ('(' for NANP parens)
    bool mixedSeparators = false;
};

bool readPhone(std::string_view s, PhoneShape& shape)
{
    std::size_t i = 0;
    if (s.starts_with('+')) {
        shape.international = true;
        i = 1;
    } else if (s.starts_with("00")) {
        shape.international = true;
        i = 2;
    }
    bool lastWasSeparator = true;
    while (i < s.size()) {
        const char c = s[i];
        if (isDigit(c)) {
            std::size_t j = i;
            while (j < s.size() && isDigit(s[j]))
                ++j;
            shape.digits.append(s.substr(i, j - i));
            shape.groups.push_back(j - i);
            i = j;
            lastWasSeparator = false;
            continue;
        }
        if (c == '(') {
            const std::size_t close = s.find(')', i);
            if (close == std::string_view::npos || close - i > 5)
                return false;
            const std::string_view inside = s.substr(i + 1, close - i - 1);
            if (inside.empty() || !std::all_of(inside.begin(), inside.end(), isDigit))
                return false;
            if (inside == "0" && shape.international)
                shape.trunkZero = true;
            else {
                shape.digits.append(inside);
                shape.groups.push_back(inside.size());
            }
            i = close + 1;
            if (i < s.size() && s[i] == ' ')
                ++i;
            lastWasSeparator = true;
            continue;
        }
        if (c != ' ' && c != '.' && c != '-')
            return false;
        if (lastWasSeparator && !(c == ' ' && i > 0 && s[i - 1] == ')'))
            return false;
        if (shape.separator && shape.separator != c)
            shape.mixedSeparators = true;
        shape.separator = c;
        lastWasSeparator = true;
        ++i;
    }
    return !lastWasSeparator && !shape.groups.empty();
}

bool internationalPlausible(const PhoneShape& p)
{
    const std::size_t cc = countryCodeLength(p.digits);
    if (cc == 0 || p.digits.size() < 8 || p.digits.size() > 15)
        return false;
    if (p.digits[0] == '1')
        return p.digits.size() == 11 && nanpValid(std::string_view(p.digits).substr(1));
    // The first group is the country code (or the whole number written without spaces).
    return p.groups.size() == 1 || p.groups[0] <= 3 || p.groups[0] == p.digits.size();
}

bool nationalPlausible(std::string_view s, const PhoneShape& p)
{
    if (p.mixedSeparators && s.find('(') == std::string_view::npos)
        return false;
    // 415-555-2671, 415.555.2671, (415) 555-2671, 1-415-555-2671: groups of 3, 3 and 4 only.
    std::vector<std::size_t> groups = p.groups;
    std::string_view digits = p.digits;
    if (digits.size() == 11 && digits[0] == '1' && groups.size() == 4 && groups[0] == 1) {
        groups.erase(groups.begin());
        digits.remove_prefix(1);
    }
    if (digits.size() != 10 || groups.size() != 3 || groups[0] != 3 || groups[1] != 3 || groups[2] != 4)
        return false;
    return nanpValid(digits);
}

struct Month
{
    std::string_view name;
    int number;
};

// English, German, French, Spanish and Italian month names, lower-cased (UTF-8 as written).
constexpr Month kMonths[] = {
    {"january", 1},    {"february", 2},  {"march", 3},     {"april", 4},      {"may", 5},        {"june", 6},
    {"july", 7},       {"august", 8},    {"september", 9}, {"october", 10},   {"november", 11},  {"december", 12},
    {"jan", 1},        {"feb", 2},       {"mar", 3},       {"apr", 4},        {"jun", 6},        {"jul", 7},
    {"aug", 8},        {"sept", 9},      {"sep", 9},       {"oct", 10},       {"nov", 11},       {"dec", 12},
    {"januar", 1},     {"jänner", 1},    {"februar", 2},   {"märz", 3},       {"mai", 5},        {"juni", 6},
    {"juli", 7},       {"oktober", 10},  {"dezember", 12}, {"janvier", 1},    {"février", 2},    {"mars", 3},
    {"avril", 4},      {"juin", 6},      {"juillet", 7},   {"août", 8},       {"septembre", 9},  {"octobre", 10},
    {"novembre", 11},  {"décembre", 12}, {"enero", 1},     {"febrero", 2},    {"marzo", 3},      {"abril", 4},
    {"mayo", 5},       {"junio", 6},     {"julio", 7},     {"agosto", 8},     {"septiembre", 9}, {"setiembre", 9},
    {"octubre", 10},   {"noviembre", 11}, {"diciembre", 12}, {"gennaio", 1},  {"febbraio", 2},   {"aprile", 4},
    {"maggio", 5},     {"giugno", 6},    {"luglio", 7},    {"settembre", 9},  {"ottobre", 10},   {"dicembre", 12},
    {"dez", 12},       {"okt", 10},      {"mär", 3},       {"déc", 12},       {"févr", 2},
};

// Month names by first letter: most words are not months, and are compared with few names.
const std::array<std::vector<Month>, 26>& monthsByInitial()
{
    static const std::array<std::vector<Month>, 26> table = [] {
        std::array<std::vector<Month>, 26> byInitial;
        for (const Month& m : kMonths)
            byInitial[static_cast<std::size_t>(m.name[0] - 'a')].push_back(m);
        return byInitial;
    }();
    return table;
}

// The longest month name at the start of text, case-insensitively; 0 when none.
std::size_t monthAt(std::string_view text)
{
    const char first = text.empty() ? '\0' : lower(text[0]);
    if (first < 'a' || first > 'z')
        return 0;
    std::size_t best = 0;
    for (const Month& m : monthsByInitial()[static_cast<std::size_t>(first - 'a')]) {
        if (m.name.size() <= best || text.size() < m.name.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < m.name.size() && same; ++i)
            same = lower(text[i]) == m.name[i];
        const bool wordEnds = text.size() == m.name.size() || !isLower(lower(text[m.name.size()]));
        if (same && wordEnds)
            best = m.name.size();
    }
    return best;
}

std::size_t digitRun(std::string_view text, std::size_t at)
{
    std::size_t j = at;
    while (j < text.size() && isDigit(text[j]))
        ++j;
    return j - at;
}

bool plausibleYear(std::string_view digits)
{
    if (digits.size() == 2)
        return true;
    const int y = number(digits);
    return digits.size() == 4 && y >= 1900 && y <= 2099;
}

bool plausibleDay(std::string_view digits)
{
    const int d = number(digits);
    return !digits.empty() && digits.size() <= 2 && d >= 1 && d <= 31;
}

bool plausibleMonth(std::string_view digits)
{
    const int m = number(digits);
    return !digits.empty() && digits.size() <= 2 && m >= 1 && m <= 12;
}

// 12.03.1985, 03/12/85, 1985-03-12.
std::size_t numericDate(std::string_view t)
{
    const std::size_t a = digitRun(t, 0);
    if (a == 0 || a >= t.size())
        return 0;
    const char sep = t[a];
    if (sep != '.' && sep != '/' && sep != '-')
        return 0;
    const std::size_t b = digitRun(t, a + 1);
    if (b == 0 || a + 1 + b >= t.size() || t[a + 1 + b] != sep)
        return 0;
    const std::size_t cStart = a + 2 + b;
    const std::size_t c = digitRun(t, cStart);
    const std::string_view x = t.substr(0, a), y = t.substr(a + 1, b), z = t.substr(cStart, c);
    const bool ymd = a == 4 && plausibleYear(x) && plausibleMonth(y) && plausibleDay(z);
    const bool dmyOrMdy = (c == 4 || c == 2) && plausibleYear(z)
                          && ((plausibleDay(x) && plausibleMonth(y)) || (plausibleMonth(x) && plausibleDay(y)));
    return ymd || dmyOrMdy ? cStart + c : 0;
}

std::size_t skipSpaces(std::string_view t, std::size_t i)
{
    while (i < t.size() && (t[i] == ' ' || t[i] == ','))
        ++i;
    return i;
}

// A year after a month name: "March 1985", "de marzo de 1985".
std::size_t yearAfter(std::string_view t, std::size_t i)
{
    i = skipSpaces(t, i);
    if (t.substr(i).starts_with("de ") || t.substr(i).starts_with("del "))
        i = skipSpaces(t, i + (t[i + 2] == ' ' ? 3 : 4));
    const std::size_t y = digitRun(t, i);
    return y == 4 && plausibleYear(t.substr(i, 4)) ? i + 4 : 0;
}

// 12 March 1985, 12. März 1985, 12th March 1985, 12 de marzo de 1985, 1er mai 1990.
std::size_t dayFirstDate(std::string_view t)
{
    const std::size_t d = digitRun(t, 0);
    if (!plausibleDay(t.substr(0, d)))
        return 0;
    std::size_t i = d;
    // The cheap tests first: this runs at every day-like number.
    if (i >= t.size() || (!isLower(lower(t[i])) && t[i] != '.' && t[i] != ' ' && t[i] != ','))
        return 0;
    for (std::string_view suffix : {"st", "nd", "rd", "th", "er", "."})
        if (t.substr(i).starts_with(suffix)) {
            i += suffix.size();
            break;
        }
    i = skipSpaces(t, i);
    if (t.substr(i).starts_with("of "))
        i += 3;
    if (t.substr(i).starts_with("de "))
        i += 3;
    const std::size_t m = monthAt(t.substr(i));
    if (m == 0)
        return 0;
    i += m;
    if (i < t.size() && t[i] == '.')
        ++i;
    return yearAfter(t, i);
}

// March 12, 1985; March 12th 1985.
std::size_t monthFirstDate(std::string_view t)
{
    const std::size_t m = monthAt(t);
    if (m == 0)
        return 0;
    std::size_t i = skipSpaces(t, m + (m < t.size() && t[m] == '.' ? 1 : 0));
    const std::size_t d = digitRun(t, i);
    if (!plausibleDay(t.substr(i, d)))
        return 0;
    i += d;
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (t.substr(i).starts_with(suffix)) {
            i += suffix.size();
            break;
        }
    return yearAfter(t, i);
}

__m128i inRange(__m128i x, char lo, int count) // signed x in [lo, lo + count)
{
    const __m128i moved = _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 128)));
    return _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(-128 + count)));
}

// looksRandom's cheap tests, 16 bytes at a time: at least 20 bytes, with an upper-case letter, a
// lower-case one and a digit, and not only hex and '-'. Most long tokens in text fail them
// (paths, UUIDs, hashes, snake_case), and are then rejected without the per-byte loop below.
bool mixesClasses(std::string_view token)
{
    if (token.size() < 20)
        return false;
    std::uint32_t upper = 0, lowerCase = 0, digits = 0, notHex = 0;
    // Ends with the last 16 bytes, some seen twice, instead of a tail loop: which classes occur
    // does not change.
    const std::size_t last = token.size() - 16;
    for (std::size_t at = 0;; at = std::min(at + 16, last)) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(token.data() + at));
        const __m128i digit = inRange(x, '0', 10);
        const __m128i hex = _mm_or_si128(_mm_or_si128(digit, inRange(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 6)),
                                         _mm_cmpeq_epi8(x, _mm_set1_epi8('-')));
        upper |= static_cast<std::uint32_t>(_mm_movemask_epi8(inRange(x, 'A', 26)));
        lowerCase |= static_cast<std::uint32_t>(_mm_movemask_epi8(inRange(x, 'a', 26)));
        digits |= static_cast<std::uint32_t>(_mm_movemask_epi8(digit));
        notHex |= static_cast<std::uint32_t>(_mm_movemask_epi8(hex)) ^ 0xffffu;
        if (at == last)
            break;
    }
    return upper && lowerCase && digits && notHex;
}

} // namespace

bool luhnValid(std::string_view digits)
{
    if (digits.size() < 2)
        return false;
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (!isDigit(*it))
            return false;
        int d = *it - '0';
        if (twice && (d *= 2) > 9)
            d -= 9;
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

std::size_t ibanLength(std::string_view countryCode)
{
    for (const IbanCountry& c : kIbanCountries)
        if (c.code == countryCode)
            return c.length;
    return 0;
}

bool ibanValid(std::string_view iban)
{
    std::string compact;
    for (char c : iban)
        if (c != ' ')
            compact += static_cast<char>(isLower(c) ? c - 'a' + 'A' : c);
    if (compact.size() < 4 || ibanLength(compact.substr(0, 2)) != compact.size())
        return false;
    if (!isDigit(compact[2]) || !isDigit(compact[3]))
        return false;
    // Mod 97 of the number made by moving the first four characters to the end, letters as 10..35.
    int remainder = 0;
    for (std::size_t k = 0; k < compact.size(); ++k) {
        const char c = compact[(k + 4) % compact.size()];
        if (isDigit(c))
            remainder = (remainder * 10 + (c - '0')) % 97;
        else if (isUpper(c))
            remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
        else
            return false;
    }
    return remainder == 1;
}

bool ssnValid(std::string_view ssn)
{
    const std::string d = digitsOf(ssn);
    if (d.size() != 9 || ssn.size() > 11)
        return false;
    const int area = number(std::string_view(d).substr(0, 3));
    const int group = number(std::string_view(d).substr(3, 2));
    const int serial = number(std::string_view(d).substr(5, 4));
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0)
        return false;
    // Numbers printed on sample cards and in examples, and one digit repeated.
    for (std::string_view fake : {"078051120", "219099999", "123456789", "111111111", "333333333", "222222222",
                                  "444444444", "555555555", "777777777", "888888888"})
        if (d == fake)
            return false;
    return true;
}

bool ipv4Valid(std::string_view address)
{
    int octets = 0;
    std::size_t i = 0;
    while (i <= address.size()) {
        const std::size_t n = digitRun(address, i);
        if (n == 0 || n > 3 || (n > 1 && address[i] == '0') || number(address.substr(i, n)) > 255)
            return false;
        ++octets;
        i += n;
        if (i == address.size())
            break;
        if (address[i] != '.')
            return false;
        ++i;
    }
    return octets == 4;
}

bool ipv6Valid(std::string_view address)
{
    if (address.size() < 2 || address.size() > 45)
        return false;
    const std::size_t gap = address.find("::");
    if (gap != std::string_view::npos && address.find("::", gap + 1) != std::string_view::npos)
        return false;
    int groups = 0;
    auto countGroups = [&](std::string_view part, bool mayEndInIpv4) {
        if (part.empty())
            return true;
        std::size_t start = 0;
        for (;;) {
            const std::size_t colon = part.find(':', start);
            const std::string_view g = part.substr(start, colon == std::string_view::npos ? part.size() - start : colon - start);
            if (colon == std::string_view::npos && mayEndInIpv4 && g.find('.') != std::string_view::npos) {
                if (!ipv4Valid(g))
                    return false;
                groups += 2;
                return true;
            }
            if (g.empty() || g.size() > 4 || !std::all_of(g.begin(), g.end(), isHex))
                return false;
            ++groups;
            if (colon == std::string_view::npos)
                return true;
            start = colon + 1;
        }
    };
    if (gap == std::string_view::npos)
        return countGroups(address, true) && groups == 8;
    if (!countGroups(address.substr(0, gap), false) || !countGroups(address.substr(gap + 2), true))
        return false;
    return groups <= 7;
}

bool phonePlausible(std::string_view number)
{
    PhoneShape shape;
    if (number.size() > 24 || !readPhone(number, shape))
        return false;
    return shape.international ? internationalPlausible(shape) : nationalPlausible(number, shape);
}

namespace {

template<typename Count>
double entropyOf(std::string_view text)
{
    std::array<Count, 256> counts{};
    std::array<std::uint64_t, 4> present{}; // which counts are not 0: tokens hold few distinct bytes
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        ++counts[b];
        present[b / 64] |= std::uint64_t{1} << (b % 64);
    }
    double bits = 0.0;
    const auto n = static_cast<double>(text.size());
    // Most bytes of a token occur once or twice: equal counts give equal terms, each computed once.
    std::size_t lastCount = 0;
    double lastTerm = 0.0;
    for (std::size_t word = 0; word < present.size(); ++word) // in byte order, as a sum over all counts
        for (std::uint64_t m = present[word]; m; m &= m - 1) {
            const std::size_t count = counts[word * 64 + static_cast<std::size_t>(std::countr_zero(m))];
            if (count != lastCount) {
                const double p = static_cast<double>(count) / n;
                lastCount = count;
                lastTerm = p * std::log2(p);
            }
            bits -= lastTerm;
        }
    return bits;
}

} // namespace

double shannonEntropy(std::string_view text)
{
    if (text.empty())
        return 0.0;
    // Narrow counts for the short texts this runs on (tokens): less to clear.
    return text.size() <= 0xffff ? entropyOf<std::uint16_t>(text) : entropyOf<std::size_t>(text);
}

std::size_t dateLength(std::string_view text)
{
    if (text.empty())
        return 0;
    if (isDigit(text[0]))
        return std::max(numericDate(text), dayFirstDate(text));
    return monthFirstDate(text);
}

bool looksRandom(std::string_view token)
{
    while (!token.empty() && token.back() == '=')
        token.remove_suffix(1);
    if (!mixesClasses(token))
        return false;
    int upper = 0, lowerCase = 0, digits = 0, hex = 0, transitions = 0;
    auto kind = [](char c) { return isUpper(c) ? 0 : isLower(c) ? 1 : isDigit(c) ? 2 : 3; };
    for (std::size_t i = 0; i < token.size(); ++i) {
        const char c = token[i];
        upper += isUpper(c);
        lowerCase += isLower(c);
        digits += isDigit(c);
        hex += isHex(c) || c == '-';
        if (i > 0 && kind(c) != kind(token[i - 1]))
            ++transitions;
    }
    // Hex (hashes, git SHAs, UUIDs) is left to the detectors with prefixes: too often not a secret.
    const auto n = static_cast<int>(token.size());
    if (n < 20 || hex == n || upper == 0 || lowerCase == 0 || digits == 0)
        return false;
    // Words and identifiers change character class once per word; random text about every other
    // character. Entropy is judged against the most a string of this length can have.
    const double transitionRate = static_cast<double>(transitions) / (n - 1);
    const double ceiling = std::log2(std::min(n, 64));
    return transitionRate >= 0.35 && shannonEntropy(token) >= 0.82 * ceiling;
}

} // namespace ts::guard
