#include "guard/class_route.h"

#include "guard/birth_dates.h"
#include "guard/candidate_scan.h"
#include "guard/class_matchers.h"
#include "guard/number_run.h"
#include "guard/structured_rules.h"

#include <algorithm>
#include <array>
#include <bit>

namespace ts::guard::structured {

namespace {

// Every byte a phone, card, ssn or ipv4 match can hold: each such match lies inside one run of
// these, and so does each handler's reading of it.
// A table: runs are walked byte by byte, at every number in the text.
constexpr std::array<bool, 256> kNumberRunChar = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view("0123456789 .-()+"))
        table[c] = true;
    return table;
}();

bool isNumberRunChar(char c)
{
    return kNumberRunChar[static_cast<unsigned char>(c)];
}

bool isIpv6Char(char c)
{
    return isHex(c) || c == ':' || c == '.';
}

bool wordBefore(std::string_view t, std::size_t pos)
{
    return pos > 0 && isWordChar(t[pos - 1]);
}

// Can a phone match start at p? Its regex's shapes start with '+', '(', "00" (after a non-word
// byte) or, for the dashed one (ten digits), [2-9] after a non-word byte: phoneEnds is tried only
// there, most numbers having none of them.
bool mayStartPhone(std::string_view t, std::size_t p, std::size_t digitsInRun)
{
    const char c = t[p];
    if (c == '+' || c == '(')
        return true;
    if (!isDigit(c) || wordBefore(t, p))
        return false;
    return (c == '0' && p + 1 < t.size() && t[p + 1] == '0') || (digitsInRun >= 10 && c >= '2');
}

std::size_t firstEnd(std::size_t start, MatchEnds ends)
{
    return start + static_cast<std::size_t>(std::countr_zero(ends));
}

class ClassRoute : public CandidateVisitor
{
public:
    ClassRoute(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& publicBlocks)
        : m_text(text)
        , m_publicBlocks(publicBlocks)
        , m_state{text, m_out.findings}
    {
    }

    void reserveFor(std::string_view text) { m_out.reserveFor(text); }
    KeyedFindings take() { return std::move(m_out); }

    std::size_t onDigit(std::size_t pos) override
    {
        NumberRun run;
        if (readNumberRun(m_text, pos, run)) {
            numberRun(run);
            return run.end;
        }
        const std::size_t start = extendBack(m_text, pos, isNumberRunChar);
        const std::size_t end = extendForward(m_text, pos, isNumberRunChar);
        numberRun(walkNumberRun(start, end));
        return end;
    }

    std::size_t onColon(std::size_t pos) override
    {
        const std::size_t start = extendBack(m_text, pos, isIpv6Char);
        const std::size_t end = extendForward(m_text, pos, isIpv6Char);
        const std::string_view run = m_text.substr(start, end - start);
        if (run.find("::") == npos && std::count(run.begin(), run.end(), ':') < 4) // every match has one or the other
            return end;
        // One call per run: the handler reads the whole run whichever match it is given.
        for (std::size_t p = start; p < end; ++p)
            if (m_text[p] == ':' || !wordBefore(m_text, p))
                if (const MatchEnds ends = ipv6Ends(m_text, p)) {
                    dispatch(kIpv6, p, firstEnd(p, ends));
                    break;
                }
        return end;
    }

    void onLongToken(std::size_t end) override
    {
        const std::size_t to = end < m_text.size() ? end + 1 : end;
        while (m_nextBlock < m_publicBlocks.size() && m_publicBlocks[m_nextBlock].first < to)
            m_state.publicBlockEnd = m_publicBlocks[m_nextBlock++].second;
        dispatch(kHighEntropy, to, to);
    }

private:
    void dispatch(RuleId id, std::size_t from, std::size_t to)
    {
        if (to <= m_examinedTo[id])
            return;
        m_examinedTo[id] = std::max(to, rules()[id].handler(m_state, from, to));
        m_out.keys.resize(m_out.findings.size(), to);
    }

    // What readNumberRun gives, from the bytes: near the text's ends and for long runs.
    NumberRun walkNumberRun(std::size_t start, std::size_t end)
    {
        const std::string_view t = m_text;
        NumberRun run{start, end};
        for (std::size_t p = start; p < end; ++p) {
            if (isDigit(t[p]) && (p == 0 || !isDigit(t[p - 1]))) {
                m_walkedStarts.push_back(p);
                run.doubleZero |= t[p] == '0' && p + 1 < t.size() && t[p + 1] == '0';
            }
            run.digits += isDigit(t[p]);
            run.dots += t[p] == '.';
            run.openers += t[p] == '+' || t[p] == '(';
        }
        return run;
    }

    void numberRun(const NumberRun& run)
    {
        const std::string_view t = m_text;
        const std::size_t start = run.start, end = run.end;
        // & rather than &&: a letter before a number is common ("Q3", "T10"), and unpredictable.
        if (start >= 2 && (isDigit(t[start]) & isUpper(t[start - 1]) & isUpper(t[start - 2])))
            if (const MatchEnds ends = ibanEnds(t, start - 2))
                dispatch(kIban, start - 2, firstEnd(start - 2, ends));
        for (std::uint64_t m = run.dateStarts; m; m &= m - 1)
            birthDate(run.base + static_cast<std::size_t>(std::countr_zero(m)));
        for (std::size_t p : m_walkedStarts)
            birthDate(p);
        m_walkedStarts.clear();
        // Fewer digits (dots) than any match of a rule needs: no candidates for it here. A phone
        // match starts with '+', '(', "00" or (the dashed shape) holds ten digits.
        if (run.digits < 4)
            return;
        if (run.openers > 0 || run.digits >= 10 || run.doubleZero)
            phones(start, end, run.digits);
        if (run.digits < 9 && run.dots < 3)
            return;
        const std::size_t digits = run.digits, dots = run.dots;
        for (std::size_t p = start; p < end; ++p) {
            if (!isDigit(t[p]) || wordBefore(t, p))
                continue;
            // Card and ipv4 handlers read their whole run whatever the match; ssn's reads the match.
            if (digits >= 12)
                if (const MatchEnds ends = cardEnds(t, p))
                    dispatch(kCard, p, firstEnd(p, ends));
            if (digits >= 9)
                if (const MatchEnds ends = ssnEnds(t, p))
                    dispatch(kSsn, p, firstEnd(p, ends));
            if (dots >= 3)
                if (const MatchEnds ends = ipv4Ends(t, p))
                    dispatch(kIpv4, p, firstEnd(p, ends));
        }
    }

    void birthDate(std::size_t digitRun)
    {
        for (const DobFinding& f : m_dates.atDigitRun(digitRun)) {
            m_state.add("dob", Category::PersonalData, f.start, f.end, 0.85, "date next to a birth-date keyword");
            m_out.keys.push_back(f.keywordEnd);
        }
    }

    // Hyperscan reports each end once, with the leftmost start of the matches ending there.
    void phones(std::size_t start, std::size_t end, std::size_t digits)
    {
        const std::string_view t = m_text;
        m_phoneMatches.clear();
        for (std::size_t p = start; p < end; ++p) {
            if (!mayStartPhone(t, p, digits))
                continue;
            for (MatchEnds ends = phoneEnds(t, p); ends; ends &= ends - 1)
                m_phoneMatches.emplace_back(firstEnd(p, ends), p);
        }
        std::sort(m_phoneMatches.begin(), m_phoneMatches.end());
        for (std::size_t i = 0; i < m_phoneMatches.size(); ++i)
            if (i == 0 || m_phoneMatches[i].first != m_phoneMatches[i - 1].first)
                dispatch(kPhone, m_phoneMatches[i].second, m_phoneMatches[i].first);
    }

    std::string_view m_text;
    const std::vector<std::pair<std::size_t, std::size_t>>& m_publicBlocks;
    std::size_t m_nextBlock = 0;
    KeyedFindings m_out;
    ScanState m_state;
    std::array<std::size_t, kRuleCount> m_examinedTo{};
    BirthDates m_dates{m_text};
    std::vector<std::pair<std::size_t, std::size_t>> m_phoneMatches; // (end, start)
    std::vector<std::size_t> m_walkedStarts; // digit runs walkNumberRun found, for birthDate
};

} // namespace

KeyedFindings scanClassOnlyRules(std::string_view text,
                                 const std::vector<std::pair<std::size_t, std::size_t>>& publicBlocks)
{
    ClassRoute route(text, publicBlocks);
    route.reserveFor(text);
    scanCandidates(text, route);
    return route.take();
}

} // namespace ts::guard::structured
