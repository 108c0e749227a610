#include "cache/lexical_words.h"

#include <algorithm>
#include <array>

namespace ts::cache {

namespace {

// Sorted, for binary search. Question words (what, how, why, ...) are kept: they change the answer;
// request verbs (give, tell) are not: "tell me X" asks for X.
constexpr std::array<std::string_view, 64> kFunctionWords{
    "a",    "about", "am",    "an",     "and",  "are",   "as",     "at",   "be",    "been", "but",
    "by",   "can",   "could", "d",      "did",  "do",    "does",   "for",  "from",  "give", "i",
    "if",   "in",    "into",  "is",     "it",   "its",   "ll",     "m",    "me",    "my",   "of",
    "on",   "or",    "our",   "please", "re",   "s",     "should", "so",   "t",     "tell", "than",
    "that", "the",   "their", "them",   "then", "these", "they",   "this", "those", "to",   "us",
    "ve",   "was",   "we",    "were",   "will", "with",  "would",  "you",  "your"};

bool isFunctionWord(std::string_view word)
{
    return std::binary_search(kFunctionWords.begin(), kFunctionWords.end(), word);
}

bool isWordByte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

char lowered(unsigned char c)
{
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

} // namespace

std::vector<std::string> lexicalWords(std::string_view text)
{
    std::vector<std::string> all;
    std::string word;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (isWordByte(c)) {
            word += lowered(c);
        } else if (!word.empty()) {
            all.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        all.push_back(std::move(word));
    std::vector<std::string> content;
    std::copy_if(all.begin(), all.end(), std::back_inserter(content),
                 [](const std::string& w) { return !isFunctionWord(w); });
    return content.empty() ? all : content;
}

} // namespace ts::cache
