#include "trace/fts_query.h"

#include "trace/filter_tokens.h"

#include <algorithm>
#include <cctype>

namespace ts::filter {

namespace {

// FTS5's unicode61 tokenizer indexes letters and digits; any non-ASCII byte may belong to one.
bool hasIndexableChar(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 || std::isalnum(b);
    });
}

std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::vector<std::string> tokensOf(std::string_view text)
{
    if (auto tokens = splitTokens(text))
        return *tokens;
    return splitTokens(std::string(text) + "\"").value_or(std::vector<std::string>{}); // close an open quote
}

} // namespace

std::vector<std::string> ftsQueries(std::string_view searchText)
{
    std::vector<std::string> queries;
    for (const std::string& token : tokensOf(searchText)) {
        const bool phrase = token.find('"') != std::string::npos;
        const bool prefix = !phrase && token.size() > 1 && token.back() == '*';
        const std::string words =
            unquote(prefix ? std::string_view(token).substr(0, token.size() - 1) : token);
        if (hasIndexableChar(words))
            queries.push_back(quoted(words) + (prefix ? "*" : ""));
    }
    return queries;
}

} // namespace ts::filter
