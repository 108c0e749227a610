#include "tokens/estimate.h"

#include <cctype>

namespace ts {

namespace {

bool isWordChar(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Length of the piece starting at i: an optional leading space, then a word of at most
// 8 characters, or one punctuation/space character (tiktoken-like granularity).
size_t pieceLength(std::string_view text, size_t i)
{
    size_t j = i;
    if (text[j] == ' ' && j + 1 < text.size() && isWordChar(static_cast<unsigned char>(text[j + 1])))
        ++j;
    if (!isWordChar(static_cast<unsigned char>(text[j])))
        return j - i + 1;
    size_t k = j;
    while (k < text.size() && isWordChar(static_cast<unsigned char>(text[k])) && k - j < 8)
        ++k;
    return k - i;
}

} // namespace

std::vector<std::string_view> splitIntoTokenPieces(std::string_view text)
{
    std::vector<std::string_view> pieces;
    for (size_t i = 0; i < text.size();) {
        size_t n = pieceLength(text, i);
        pieces.push_back(text.substr(i, n));
        i += n;
    }
    return pieces;
}

std::int64_t estimateTokens(std::string_view text)
{
    std::int64_t n = 0;
    for (size_t i = 0; i < text.size(); i += pieceLength(text, i))
        ++n;
    return n;
}

std::int64_t estimatePromptTokens(const std::vector<Message>& messages)
{
    std::int64_t n = 3; // reply priming
    for (const Message& m : messages) {
        n += 4 + estimateTokens(m.content);
        for (const ToolCall& c : m.toolCalls)
            n += 3 + estimateTokens(c.name) + estimateTokens(c.arguments);
    }
    return n;
}

} // namespace ts
