#include "trace/filter_tokens.h"

#include <algorithm>

namespace ts::filter {

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
} // namespace

std::optional<std::vector<std::string>> splitTokens(std::string_view text)
{
    std::vector<std::string> tokens;
    std::string current;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        if (isSpace(c) && !quoted) {
            if (!current.empty())
                tokens.push_back(std::move(current));
            current.clear();
            continue;
        }
        current += c;
    }
    if (quoted)
        return std::nullopt;
    if (!current.empty())
        tokens.push_back(std::move(current));
    return tokens;
}

std::string unquote(std::string_view token)
{
    std::string out(token);
    out.erase(std::remove(out.begin(), out.end(), '"'), out.end());
    return out;
}

} // namespace ts::filter
