// Handlers of the personal-data rules: each finds a candidate's exact span around a prefilter
// match, checks its boundaries and validates it (validators.h).
#include "guard/birth_dates.h"
#include "guard/structured_rules.h"
#include "guard/validators.h"

#include <algorithm>
#include <initializer_list>
#include <string>

namespace ts::guard::structured {

namespace {

bool isUpperAlnum(char c)
{
    return isDigit(c) || (c >= 'A' && c <= 'Z');
}

bool isEmailLocalChar(char c)
{
    return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool isDomainChar(char c)
{
    return isAlnum(c) || c == '.' || c == '-';
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Does one of `words` (lower-case) end within `window` bytes before `at`?
bool precededBy(std::string_view t, std::size_t at, std::size_t window, std::initializer_list<std::string_view> words)
{
    const std::size_t from = at > window ? at - window : 0;
    std::string before;
    for (std::size_t i = from; i < at; ++i)
        before += lower(t[i]);
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return before.find(w) != npos; });
}

// A number glued to a neighbour ("v1.2.3.4", "12.4111...") is part of something longer.
bool digitBoundaryBefore(std::string_view t, std::size_t start)
{
    if (start == 0)
        return true;
    const char c = t[start - 1];
    if (isWordChar(c))
        return false;
    return !((c == '.' || c == '-' || c == '/' || c == ',') && start >= 2 && isDigit(t[start - 2]));
}

bool digitBoundaryAfter(std::string_view t, std::size_t end)
{
    if (end >= t.size())
        return true;
    const char c = t[end];
    if (isWordChar(c))
        return false;
    return !((c == '.' || c == '-' || c == '/' || c == ',') && end + 1 < t.size() && isDigit(t[end + 1]));
}

} // namespace

std::size_t onEmail(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    const std::size_t at = t.rfind('@', to);
    if (at == npos || at == 0)
        return to;
    const std::size_t start = extendBack(t, at, isEmailLocalChar);
    std::size_t end = extendForward(t, at + 1, isDomainChar);
    const std::size_t examined = end;
    while (end > at + 1 && (t[end - 1] == '.' || t[end - 1] == '-'))
        --end;
    const std::string_view local = t.substr(start, at - start);
    const std::string_view domain = t.substr(at + 1, end - at - 1);
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.'
        || local.find("..") != npos || domain.find("..") != npos || domain.front() == '-')
        return examined;
    // Glued to another address or token: a@b.com@c, user@host.com_backup.
    if ((start > 0 && (t[start - 1] == '@' || t[start - 1] == '/' || (t[start - 1] == ':' && start >= 2 && t[start - 2] != 'o')))
        || (examined < t.size() && (t[examined] == '@' || t[examined] == '_')))
        return examined;
    const std::size_t dot = domain.rfind('.');
    const std::string_view tld = domain.substr(dot + 1);
    if (dot == npos || tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), isAlpha))
        return examined;
    // icon@2x.png and friends: file names, not addresses.
    std::string lowerTld;
    for (char c : tld)
        lowerTld += lower(c);
    for (std::string_view ext : {"png", "jpg", "jpeg", "gif", "svg", "webp", "js", "ts", "css", "html", "json",
                                 "md", "txt", "py", "tsx", "jsx", "map", "pdf", "zip", "gz"})
        if (lowerTld == ext)
            return examined;
    s.add("email", Category::PersonalData, start, end, 0.95, "e-mail address with a valid domain");
    return examined;
}

namespace {

// A phone number read forward from its first character: digit groups with single separators.
std::size_t phoneEnd(std::string_view t, std::size_t start)
{
    std::size_t i = start;
    if (i < t.size() && t[i] == '+')
        ++i;
    std::size_t end = i;
    while (i < t.size() && i - start < 24) {
        const char c = t[i];
        if (isDigit(c) || c == ')') {
            end = ++i;
        } else if (c == '(' || ((c == ' ' || c == '.' || c == '-') && i + 1 < t.size()
                                && (isDigit(t[i + 1]) || t[i + 1] == '('))) {
            ++i;
        } else {
            break;
        }
    }
    return end;
}

} // namespace

std::size_t onPhone(ScanState& s, std::size_t from, std::size_t to)
{
    const std::string_view t = s.text;
    std::size_t start = from;
    // NANP written with the trunk 1: 1-415-555-2671, 1 (415) 555-2671.
    if (start >= 2 && t[start - 2] == '1' && (t[start - 1] == '-' || t[start - 1] == ' ' || t[start - 1] == '.')
        && (start == 2 || (!isWordChar(t[start - 3]) && t[start - 3] != '+')))
        start -= 2;
    const std::size_t end = phoneEnd(t, start);
    if (end < to)
        return to; // the parse disagrees with the prefilter
    const char first = t[start];
    const bool boundedBefore = first == '+' || first == '(' ? start == 0 || !isAlnum(t[start - 1])
                                                            : digitBoundaryBefore(t, start);
    if (!boundedBefore || !digitBoundaryAfter(t, end))
        return end;
    // "... 3704 0044 0532 ...": a group of a longer code (an IBAN, a serial), not a number's start.
    if (first != '+' && start >= 2 && (t[start - 1] == ' ' || t[start - 1] == '-')
        && (isDigit(t[start - 2]) || (t[start - 2] >= 'A' && t[start - 2] <= 'Z')))
        return end;
    if (precededBy(t, start, 24, {"order", "invoice", "tracking", "ref", "#", "no.", "nr.", "bestell", "commande",
                                 "pedido", "ticket", "isbn", "version", "build"}))
        return end;
    const std::string_view number = t.substr(start, end - start);
    if (!phonePlausible(number))
        return end;
    std::size_t digits = 0;
    for (char c : number)
        digits += isDigit(c);
    const bool international = first == '+' || number.starts_with("00");
    s.add("phone", Category::PersonalData, start, end, 0.85,
          std::string(international ? "international" : "North American") + " phone number with " + std::to_string(digits)
              + " digits");
    return end;
}

namespace {

// A digit run with single spaces or dashes between digits, as cards are written.
bool cardRunChar(std::string_view t, std::size_t i)
{
    if (isDigit(t[i]))
        return true;
    return (t[i] == ' ' || t[i] == '-') && i > 0 && i + 1 < t.size() && isDigit(t[i - 1]) && isDigit(t[i + 1]);
}


std::string_view cardBrand(std::string_view d)
{
    const int two = (d[0] - '0') * 10 + (d[1] - '0');
    const int four = two * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    const std::size_t n = d.size();
    if (d[0] == '4' && (n == 13 || n == 16 || n == 19))
        return "Visa";
    if (((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) && n == 16)
        return "Mastercard";
    if ((two == 34 || two == 37) && n == 15)
        return "American Express";
    if ((four == 6011 || two == 65 || (four >= 6440 && four <= 6499)) && n >= 16)
        return "Discover";
    if ((four >= 3528 && four <= 3589) && n >= 16)
        return "JCB";
    if (((four >= 3000 && four <= 3059) || two == 36 || two == 38) && (n == 14 || n == 16))
        return "Diners Club";
    if (two == 62 && n >= 16)
        return "UnionPay";
    return {};
}

} // namespace

std::size_t onCard(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    std::size_t start = to;
    while (start > 0 && cardRunChar(t, start - 1))
        --start;
    std::size_t end = to;
    while (end < t.size() && cardRunChar(t, end))
        ++end;
    if (!digitBoundaryBefore(t, start) || !digitBoundaryAfter(t, end))
        return end;
    std::string digits;
    char separator = 0;
    bool mixed = false;
    for (std::size_t i = start; i < end; ++i) {
        if (isDigit(t[i]))
            digits += t[i];
        else if (separator && separator != t[i])
            mixed = true;
        else
            separator = t[i];
    }
    if (mixed || digits.size() < 13 || digits.size() > 19)
        return end;
    // Written in groups, the first group is four digits (4-4-4-4, Amex 4-6-5).
    if (separator && t[start + 4] != separator)
        return end;
    const std::string_view brand = cardBrand(digits);
    if (brand.empty() || !luhnValid(digits))
        return end;
    s.add("card", Category::PersonalData, start, end, 0.95,
          "Luhn-valid " + std::to_string(digits.size()) + "-digit " + std::string(brand) + " number");
    return end;
}

std::size_t onIban(ScanState& s, std::size_t from, std::size_t to)
{
    const std::string_view t = s.text;
    const std::size_t length = ibanLength(t.substr(from, 2));
    if (length == 0)
        return to;
    std::size_t i = from, count = 0;
    while (i < t.size() && count < length) {
        if (isUpperAlnum(t[i]))
            ++count;
        else if (!(t[i] == ' ' && i + 1 < t.size() && isUpperAlnum(t[i + 1]) && count > 0))
            break;
        ++i;
    }
    if (count != length || (i < t.size() && isWordChar(t[i])))
        return std::max(i, to);
    if (!ibanValid(t.substr(from, i - from)))
        return std::max(i, to);
    s.add("iban", Category::PersonalData, from, i, 0.95,
          "IBAN for " + std::string(t.substr(from, 2)) + " with a valid mod-97 check");
    return i;
}

std::size_t onSsn(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    const std::size_t start = to - 11;
    if (s.text[start + 3] != s.text[start + 6])
        return to; // 123-45 6789: separators must agree
    if (!digitBoundaryBefore(t, start) || !digitBoundaryAfter(t, to) || (start > 0 && t[start - 1] == '-')
        || (to < t.size() && t[to] == '-'))
        return to;
    if (!ssnValid(t.substr(start, 11)))
        return to;
    s.add("ssn", Category::PersonalData, start, to, 0.9, "US social security number in an issued range");
    return to;
}

std::size_t onIpv4(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    auto ipChar = [](char c) { return isDigit(c) || c == '.'; };
    const std::size_t start = extendBack(t, to, ipChar);
    std::size_t end = extendForward(t, to, ipChar);
    const std::size_t examined = end;
    if (end > start && t[end - 1] == '.')
        --end; // the sentence's full stop
    if (t[start] == '.' || (start > 0 && isWordChar(t[start - 1])) || (end < t.size() && isWordChar(t[end])))
        return examined;
    if (!ipv4Valid(t.substr(start, end - start)))
        return examined;
    // Four-part version numbers read like addresses: v1.2.3.4, version 2.0.0.1.
    if ((start > 0 && (t[start - 1] == 'v' || t[start - 1] == 'V'))
        || precededBy(t, start, 16, {"version", "release", "build", "ver.", "update", "patch", "firmware", "v."}))
        return examined;
    s.add("ipv4", Category::PersonalData, start, end, 0.8, "IPv4 address");
    return examined;
}

std::size_t onIpv6(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    auto ipChar = [](char c) { return isHex(c) || c == ':' || c == '.'; };
    const std::size_t start = extendBack(t, to, ipChar);
    std::size_t end = extendForward(t, to, ipChar);
    const std::size_t examined = end;
    while (end > start && t[end - 1] == '.')
        --end;
    if ((start > 0 && isWordChar(t[start - 1])) || (examined < t.size() && isWordChar(t[examined])))
        return examined;
    const std::string_view address = t.substr(start, end - start);
    if (std::none_of(address.begin(), address.end(), isDigit) || !ipv6Valid(address))
        return examined;
    s.add("ipv6", Category::PersonalData, start, end, 0.85, "IPv6 address");
    return examined;
}

std::size_t onBirthContext(ScanState& s, std::size_t, std::size_t to)
{
    const std::string_view t = s.text;
    const std::size_t limit = std::min(t.size(), to + 40);
    // Each byte is tried as a date's start once, however many keywords look at it.
    for (std::size_t i = std::max(to, s.datesTriedTo); i < limit; ++i) {
        if (const std::size_t length = dateAt(t, i)) {
            s.add("dob", Category::PersonalData, i, i + length, 0.85, "date next to a birth-date keyword");
            s.datesTriedTo = i + length;
            return i + length;
        }
    }
    s.datesTriedTo = std::max(s.datesTriedTo, limit);
    return to;
}

} // namespace ts::guard::structured
