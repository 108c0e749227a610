#pragma once
// The structured detector's rules, shared by its two routes (structured_detector.cpp): one regex
// per rule that says where a candidate can be, and one handler that finds the candidate's exact
// span, checks its boundaries and validates it. Internal to core/guard.
#include "guard/structured_detector.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ts::guard::structured {

constexpr std::size_t npos = std::string_view::npos;

// Byte classes as one table lookup: these run at every byte of every candidate, and the chains
// of comparisons they replace branch unpredictably on ordinary text.
enum CharClass : unsigned char {
    kClassDigit = 1, kClassAlpha = 2, kClassUpper = 4, kClassHex = 8, kClassWord = 16, kClassBase64 = 32,
};

inline constexpr std::array<unsigned char, 256> kCharClasses = [] {
    std::array<unsigned char, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const bool digit = c >= '0' && c <= '9', upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
        const bool hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        const bool word = digit || upper || lower || c == '_';
        const bool base64 = digit || upper || lower || c == '+' || c == '/' || c == '_' || c == '-';
        table[static_cast<std::size_t>(c)] = static_cast<unsigned char>(
            (digit ? kClassDigit : 0) | (upper || lower ? kClassAlpha : 0) | (upper ? kClassUpper : 0) |
            (hex ? kClassHex : 0) | (word ? kClassWord : 0) | (base64 ? kClassBase64 : 0));
    }
    return table;
}();

inline bool hasClass(char c, CharClass k)
{
    return (kCharClasses[static_cast<unsigned char>(c)] & k) != 0;
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline bool isAlpha(char c)
{
    return hasClass(c, kClassAlpha);
}

inline bool isAlnum(char c)
{
    return hasClass(c, static_cast<CharClass>(kClassDigit | kClassAlpha));
}

inline bool isWordChar(char c) // what \b means without UTF-8 mode
{
    return hasClass(c, kClassWord);
}

inline bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

inline bool isHex(char c)
{
    return hasClass(c, kClassHex);
}

inline bool isBase64Char(char c) // also the high_entropy rule's token alphabet
{
    return hasClass(c, kClassBase64);
}

template<typename Pred>
std::size_t extendBack(std::string_view t, std::size_t i, Pred pred)
{
    while (i > 0 && pred(t[i - 1]))
        --i;
    return i;
}

template<typename Pred>
std::size_t extendForward(std::string_view t, std::size_t i, Pred pred)
{
    while (i < t.size() && pred(t[i]))
        ++i;
    return i;
}

struct ScanState
{
    std::string_view text;
    std::vector<Finding>& out;
    std::size_t endLineSearchedFrom = npos;
    std::size_t endLine = npos;
    std::size_t datesTriedTo = 0;
    std::size_t publicBlockEnd = 0; // high-entropy tokens before this are a public key or certificate

    std::size_t nextEndLine(std::size_t from);
    std::size_t blockEnd(std::size_t from);
    void add(std::string_view type, Category category, std::size_t start, std::size_t end, double score,
             std::string evidence);
};

// A handler turns a prefilter match [from, to) into at most one finding and returns the end of
// what it examined, so later matches of the same rule inside the same candidate are skipped.
using Handler = std::size_t (*)(ScanState&, std::size_t from, std::size_t to);

// Rule ids, in the order of rules(). The class-only ones (no literal in their regex) and dob are
// found from the candidate scan in the fast route; the others by Hyperscan.
enum RuleId : unsigned {
    kEmail, kPhone, kCard, kIban, kSsn, kIpv4, kIpv6, kDob, kOpenAiKey, kAnthropicKey, kAwsKey, kGithubToken,
    kGithubPat, kSlackToken, kJwt, kPrivateKey, kPublicBlock, kHighEntropy, kRuleCount
};

bool isCandidateScanRule(unsigned id);

struct Rule
{
    PatternSpec spec;
    Handler handler;
};

const std::vector<Rule>& rules();

// Handlers of the personal-data rules (personal_handlers.cpp).
std::size_t onEmail(ScanState& s, std::size_t from, std::size_t to);
std::size_t onPhone(ScanState& s, std::size_t from, std::size_t to);
std::size_t onCard(ScanState& s, std::size_t from, std::size_t to);
std::size_t onIban(ScanState& s, std::size_t from, std::size_t to);
std::size_t onSsn(ScanState& s, std::size_t from, std::size_t to);
std::size_t onIpv4(ScanState& s, std::size_t from, std::size_t to);
std::size_t onIpv6(ScanState& s, std::size_t from, std::size_t to);
std::size_t onBirthContext(ScanState& s, std::size_t from, std::size_t to);

// Handlers of the secret rules (secret_handlers.cpp).
std::size_t onOpenAiKey(ScanState& s, std::size_t from, std::size_t to);
std::size_t onAnthropicKey(ScanState& s, std::size_t from, std::size_t to);
std::size_t onAwsKey(ScanState& s, std::size_t from, std::size_t to);
std::size_t onGithubToken(ScanState& s, std::size_t from, std::size_t to);
std::size_t onGithubPat(ScanState& s, std::size_t from, std::size_t to);
std::size_t onSlackToken(ScanState& s, std::size_t from, std::size_t to);
std::size_t onJwt(ScanState& s, std::size_t from, std::size_t to);
std::size_t onPrivateKey(ScanState& s, std::size_t from, std::size_t to);
std::size_t onPublicBlock(ScanState& s, std::size_t from, std::size_t to);
std::size_t onHighEntropy(ScanState& s, std::size_t from, std::size_t to);

// A generic high-entropy finding that overlaps a typed secret is the same secret, less precisely.
void dropShadowedHighEntropy(std::vector<Finding*>& findings);

} // namespace ts::guard::structured
