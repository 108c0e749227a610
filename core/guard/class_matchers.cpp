#include "guard/class_matchers.h"

#include "guard/structured_rules.h"

#include <bit>

namespace ts::guard::structured {

namespace {

// Runs a regex as a set of positions (offsets from the start) that the paths so far reach: the
// same answer as a backtracking matcher trying every path, in one sweep per element.
class Walk
{
public:
    Walk(std::string_view t, std::size_t start) : m_t(t), m_start(start) {}

    template<typename Pred>
    MatchEnds one(MatchEnds s, Pred pred) const
    {
        MatchEnds out = 0;
        for (; s; s &= s - 1) {
            const int k = std::countr_zero(s);
            if (pred(at(k)))
                out |= MatchEnds{1} << (k + 1);
        }
        return out;
    }

    MatchEnds chr(MatchEnds s, char c) const
    {
        return one(s, [c](char x) { return x == c; });
    }

    template<typename Pred>
    MatchEnds repeat(MatchEnds s, Pred pred, int min, int max) const
    {
        MatchEnds out = min == 0 ? s : 0;
        for (int r = 1; r <= max && s; ++r) {
            s = one(s, pred);
            if (r >= min)
                out |= s;
        }
        return out;
    }

    MatchEnds boundary(MatchEnds s) const // \b
    {
        MatchEnds out = 0;
        for (MatchEnds b = s; b; b &= b - 1) {
            const int k = std::countr_zero(b);
            const std::size_t pos = m_start + static_cast<std::size_t>(k);
            const bool before = pos > 0 && pos - 1 < m_t.size() && isWordChar(m_t[pos - 1]);
            if (before != isWordChar(at(k)))
                out |= MatchEnds{1} << k;
        }
        return out;
    }

private:
    char at(int k) const // NUL past the end: no class below contains it, and it is not a word byte
    {
        const std::size_t pos = m_start + static_cast<std::size_t>(k);
        return pos < m_t.size() ? m_t[pos] : '\0';
    }

    std::string_view m_t;
    std::size_t m_start;
};

constexpr MatchEnds kStart = 1;

bool isOneToNine(char c)
{
    return c >= '1' && c <= '9';
}

bool isTwoToNine(char c)
{
    return c >= '2' && c <= '9';
}

bool isPhoneSeparator(char c) // [ .\-]
{
    return c == ' ' || c == '.' || c == '-';
}

bool isUpperAlnum(char c)
{
    return isDigit(c) || isUpper(c);
}

// (?:\+[1-9][0-9]{0,3}|\b00[1-9][0-9]{0,2}[ .\-])[ .\-]?(?:\(0\)[ .\-]?)?\(?[0-9]{1,4}\)?[ .\-]?[0-9]{2}
MatchEnds internationalPhone(const Walk& w)
{
    MatchEnds s = w.repeat(w.one(w.chr(kStart, '+'), isOneToNine), isDigit, 0, 3);
    const MatchEnds zeros = w.chr(w.chr(w.boundary(kStart), '0'), '0');
    s |= w.one(w.repeat(w.one(zeros, isOneToNine), isDigit, 0, 2), isPhoneSeparator);
    s |= w.one(s, isPhoneSeparator);
    const MatchEnds trunk = w.chr(w.chr(w.chr(s, '('), '0'), ')');
    s |= trunk | w.one(trunk, isPhoneSeparator);
    s |= w.chr(s, '(');
    s = w.repeat(s, isDigit, 1, 4);
    s |= w.chr(s, ')');
    s |= w.one(s, isPhoneSeparator);
    return w.repeat(s, isDigit, 2, 2);
}

// \([2-9][0-9]{2}\) ?[2-9][0-9]{2}[ .\-][0-9]{4}
MatchEnds bracketedPhone(const Walk& w)
{
    MatchEnds s = w.chr(w.repeat(w.one(w.chr(kStart, '('), isTwoToNine), isDigit, 2, 2), ')');
    s |= w.chr(s, ' ');
    s = w.one(w.repeat(w.one(s, isTwoToNine), isDigit, 2, 2), isPhoneSeparator);
    return w.repeat(s, isDigit, 4, 4);
}

// \b[2-9][0-9]{2}[.\-][2-9][0-9]{2}[.\-][0-9]{4}\b
MatchEnds dashedPhone(const Walk& w)
{
    auto dotOrDash = [](char c) { return c == '.' || c == '-'; };
    MatchEnds s = w.one(w.repeat(w.one(w.boundary(kStart), isTwoToNine), isDigit, 2, 2), dotOrDash);
    s = w.one(w.repeat(w.one(s, isTwoToNine), isDigit, 2, 2), dotOrDash);
    return w.boundary(w.repeat(s, isDigit, 4, 4));
}

MatchEnds hexGroup(const Walk& w, MatchEnds s)
{
    return w.repeat(s, isHex, 1, 4);
}

} // namespace

MatchEnds phoneEnds(std::string_view t, std::size_t start)
{
    const Walk w(t, start);
    return internationalPhone(w) | bracketedPhone(w) | dashedPhone(w);
}

// \b[2-6][0-9]{3}(?:[ \-]?[0-9]{2}){4}
MatchEnds cardEnds(std::string_view t, std::size_t start)
{
    const Walk w(t, start);
    MatchEnds s = w.repeat(w.one(w.boundary(kStart), [](char c) { return c >= '2' && c <= '6'; }), isDigit, 3, 3);
    for (int group = 0; group < 4 && s; ++group) {
        s |= w.one(s, [](char c) { return c == ' ' || c == '-'; });
        s = w.repeat(s, isDigit, 2, 2);
    }
    return s;
}

// \b[A-Z]{2}[0-9]{2} ?[A-Z0-9]{4} ?[A-Z0-9]{4}
MatchEnds ibanEnds(std::string_view t, std::size_t start)
{
    const Walk w(t, start);
    MatchEnds s = w.repeat(w.repeat(w.boundary(kStart), isUpper, 2, 2), isDigit, 2, 2);
    for (int group = 0; group < 2 && s; ++group) {
        s |= w.chr(s, ' ');
        s = w.repeat(s, isUpperAlnum, 4, 4);
    }
    return s;
}

// \b[0-9]{3}[ \-][0-9]{2}[ \-][0-9]{4}\b
MatchEnds ssnEnds(std::string_view t, std::size_t start)
{
    const Walk w(t, start);
    auto separator = [](char c) { return c == ' ' || c == '-'; };
    MatchEnds s = w.one(w.repeat(w.boundary(kStart), isDigit, 3, 3), separator);
    s = w.one(w.repeat(s, isDigit, 2, 2), separator);
    return w.boundary(w.repeat(s, isDigit, 4, 4));
}

// \b[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\b
MatchEnds ipv4Ends(std::string_view t, std::size_t start)
{
    const Walk w(t, start);
    MatchEnds s = w.repeat(w.boundary(kStart), isDigit, 1, 3);
    for (int part = 0; part < 3 && s; ++part)
        s = w.repeat(w.chr(s, '.'), isDigit, 1, 3);
    return w.boundary(s);
}

// \b[0-9A-Fa-f]{1,4}::|::[0-9A-Fa-f]{1,4}\b|\b[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:
MatchEnds ipv6Ends(std::string_view t, std::size_t start)
{
    const Walk w(t, start);
    const MatchEnds first = hexGroup(w, w.boundary(kStart));
    const MatchEnds compressedAfter = w.chr(w.chr(first, ':'), ':');
    const MatchEnds compressedBefore = w.boundary(hexGroup(w, w.chr(w.chr(kStart, ':'), ':')));
    MatchEnds full = w.chr(first, ':');
    for (int group = 0; group < 3 && full; ++group)
        full = w.chr(hexGroup(w, full), ':');
    return compressedAfter | compressedBefore | full;
}

} // namespace ts::guard::structured
