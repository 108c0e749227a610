#include "cache/prefix_key.h"

#include <cstdint>
#include <cstdio>

namespace ts::cache {

namespace {

constexpr int kLabelWords = 8;

// FNV-1a: stable across runs and machines, and enough to tell a handful of prefixes apart.
std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes)
{
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

} // namespace

std::string firstWords(const std::string& text, int words)
{
    std::string out;
    std::size_t at = 0;
    int taken = 0;
    while (at < text.size()) {
        while (at < text.size() && isSpace(text[at]))
            ++at;
        if (at == text.size())
            break;
        if (taken == words)
            return out + " …";
        std::size_t end = at;
        while (end < text.size() && !isSpace(text[end]))
            ++end;
        out += (taken++ ? " " : "") + text.substr(at, end - at);
        at = end;
    }
    return out;
}

PrefixKey prefixKeyOf(const std::vector<Message>& messages)
{
    if (messages.empty())
        return {};
    const Message& first = messages.front();
    std::uint64_t h = fnv1a(14695981039346656037ULL, roleName(first.role));
    h = fnv1a(h, std::string_view("\n", 1));
    h = fnv1a(h, first.content);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    std::string label = firstWords(first.content, kLabelWords);
    if (first.role != Role::System)
        label = "(" + std::string(roleName(first.role)) + ") " + label;
    return {hex, label};
}

} // namespace ts::cache
