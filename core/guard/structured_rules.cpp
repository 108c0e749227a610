// The structured detector's rule table: for each rule, the regex that describes where its
// candidates are (Hyperscan syntax, also valid PCRE2) and the handler that validates them.
#include "guard/structured_rules.h"

#include "guard/pattern_scanner.h"

#include <algorithm>
#include <utility>

namespace ts::guard::structured {

// The next "-----END " at or after `from`; the last search is remembered so a text full of BEGIN
// lines stays linear.
std::size_t ScanState::nextEndLine(std::size_t from)
{
    if (endLineSearchedFrom == npos || from < endLineSearchedFrom || (endLine != npos && endLine < from)) {
        endLineSearchedFrom = from;
        endLine = text.find("-----END ", from);
    }
    return endLine;
}

// Just past the END line's closing dashes, or npos when there is no END line.
std::size_t ScanState::blockEnd(std::size_t from)
{
    const std::size_t end = nextEndLine(from);
    if (end == npos)
        return npos;
    const std::size_t close = text.find("-----", end + 9);
    return close == npos || close - end > 64 ? end + 9 : close + 5;
}

void ScanState::add(std::string_view type, Category category, std::size_t start, std::size_t end, double score,
                    std::string evidence)
{
    out.push_back(Finding{std::string(type), category, start, end, score, std::move(evidence)});
}

bool isCandidateScanRule(unsigned id)
{
    return id == kPhone || id == kCard || id == kIban || id == kSsn || id == kIpv4 || id == kIpv6 || id == kDob
           || id == kHighEntropy;
}

const std::vector<Rule>& rules()
{
    static const std::vector<Rule> table = [] {
        const Category pd = Category::PersonalData, sec = Category::Secret;
        std::vector<Rule> r{
            // Anchored on '@' alone: the local part is found by the handler, walking back.
            {{0, "email", pd, R"(@[A-Za-z0-9][A-Za-z0-9.\-]*\.[A-Za-z]{2})"}, onEmail},
            // Class-only rules (phone to ipv6, high_entropy) are matched by class_matchers.cpp and
            // candidate_scan.cpp in the fast route: a change here must be made there too (the
            // equivalence test compares the routes). One expression for the four phone shapes
            // (+CC, 00CC, (NPA) NXX-XXXX, NPA-NXX-XXXX).
            {{0, "phone", pd,
              R"((?:\+[1-9][0-9]{0,3}|\b00[1-9][0-9]{0,2}[ .\-])[ .\-]?(?:\(0\)[ .\-]?)?\(?[0-9]{1,4}\)?[ .\-]?[0-9]{2})"
              R"(|\([2-9][0-9]{2}\) ?[2-9][0-9]{2}[ .\-][0-9]{4}|\b[2-9][0-9]{2}[.\-][2-9][0-9]{2}[.\-][0-9]{4}\b)",
              kLeftmostStart},
             onPhone},
            {{0, "card", pd, R"(\b[2-6][0-9]{3}(?:[ \-]?[0-9]{2}){4})"}, onCard},
            {{0, "iban", pd, R"(\b[A-Z]{2}[0-9]{2} ?[A-Z0-9]{4} ?[A-Z0-9]{4})", kLeftmostStart}, onIban},
            {{0, "ssn", pd, R"(\b[0-9]{3}[ \-][0-9]{2}[ \-][0-9]{4}\b)"}, onSsn},
            {{0, "ipv4", pd, R"(\b[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\b)"}, onIpv4},
            {{0, "ipv6", pd,
              R"(\b[0-9A-Fa-f]{1,4}::|::[0-9A-Fa-f]{1,4}\b|\b[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:)"},
             onIpv6},
            // The keywords are written out again in birth_dates.cpp, which the fast route uses instead.
            {{0, "dob", pd,
              R"(\b(?:born|date of birth|d\.o\.b|dob|birth ?date|birthday|geboren|geburtsdatum|geburtstag|date de naissance|fecha de nacimiento|nacid[oa]|nato il|nata il|data di nascita)\b|\bnée? )",
              kCaseless},
             onBirthContext},
            {{0, "openai_key", sec, R"(\bsk-[A-Za-z0-9_\-]{20})"}, onOpenAiKey},
            {{0, "anthropic_key", sec, R"(\bsk-ant-[A-Za-z0-9_\-]{20})"}, onAnthropicKey},
            {{0, "aws_access_key", sec, R"(\b(?:AKIA|ASIA)[A-Z0-9]{16}\b)"}, onAwsKey},
            {{0, "github_token", sec, R"(\bgh[pousr]_[A-Za-z0-9]{36}\b)"}, onGithubToken},
            {{0, "github_token", sec, R"(\bgithub_pat_[A-Za-z0-9_]{40})"}, onGithubPat},
            {{0, "slack_token", sec, R"(\bxox[bpars]-[0-9A-Za-z\-]{10})"}, onSlackToken},
            {{0, "jwt", sec, R"(\beyJ[A-Za-z0-9_\-]{6,}\.eyJ[A-Za-z0-9_\-]{2})", kLeftmostStart}, onJwt},
            {{0, "private_key", sec, R"(-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----)", kLeftmostStart},
             onPrivateKey},
            {{0, kPublicKeyMarker, sec, R"(-----BEGIN (?:[A-Z0-9]+ ){0,3}(?:PUBLIC KEY|CERTIFICATE)-----)"},
             onPublicBlock},
            // Fires once per token, at its end, rather than at every byte past the 24th.
            {{0, "high_entropy", sec, R"([A-Za-z0-9+/_\-]{24}(?:[^A-Za-z0-9+/_\-]|$))"}, onHighEntropy},
        };
        for (std::size_t i = 0; i < r.size(); ++i)
            r[i].spec.id = static_cast<unsigned>(i);
        return r;
    }();
    return table;
}

// A generic high-entropy finding that overlaps a typed secret is the same secret, less precisely.
void dropShadowedHighEntropy(std::vector<Finding*>& findings)
{
    std::vector<std::pair<std::size_t, std::size_t>> typed;
    for (const Finding* f : findings)
        if (f->category == Category::Secret && f->type != "high_entropy")
            typed.emplace_back(f->start, f->end);
    if (typed.empty())
        return;
    std::sort(typed.begin(), typed.end());
    // Typed secrets do not overlap one another much; the running maximum end makes the test exact.
    std::vector<std::size_t> maxEnd(typed.size());
    for (std::size_t i = 0; i < typed.size(); ++i)
        maxEnd[i] = std::max(typed[i].second, i ? maxEnd[i - 1] : 0);
    std::erase_if(findings, [&](const Finding* f) {
        if (f->type != "high_entropy")
            return false;
        const auto after = std::lower_bound(typed.begin(), typed.end(), std::make_pair(f->end, std::size_t{0}));
        const auto k = static_cast<std::size_t>(after - typed.begin());
        return k > 0 && maxEnd[k - 1] > f->start;
    });
}

} // namespace ts::guard::structured
