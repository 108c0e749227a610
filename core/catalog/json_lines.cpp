#include "catalog/json_lines.h"

#include <algorithm>

namespace ts::json_lines {

namespace {

// A small scanner over valid JSON that knows its depth, the line, and the key it is under.
struct Scanner
{
    std::string_view text;
    std::size_t pos = 0;
    int line = 1;

    bool done() const { return pos >= text.size(); }

    // Reads a string starting at its opening quote; returns its raw contents.
    std::string_view string()
    {
        const std::size_t start = ++pos;
        while (!done() && text[pos] != '"')
            pos += text[pos] == '\\' ? 2 : 1;
        return text.substr(start, std::min(pos++, text.size()) - start);
    }
};

} // namespace

int lineAt(std::string_view text, std::size_t offset)
{
    const auto end = text.begin() + static_cast<std::ptrdiff_t>(std::min(offset, text.size()));
    return 1 + static_cast<int>(std::count(text.begin(), end, '\n'));
}

std::vector<int> elementLines(std::string_view text, std::string_view key)
{
    std::vector<int> lines;
    Scanner s{text};
    int depth = 0;
    int arrayDepth = -1; // the depth inside the array we report on
    bool wantElement = false;
    std::string_view lastString, currentKey;
    while (!s.done()) {
        const char c = text[s.pos];
        if (c == '\n')
            ++s.line;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++s.pos;
            continue;
        }
        if (depth == arrayDepth && wantElement && c != ']') {
            lines.push_back(s.line);
            wantElement = false;
        }
        if (c == '"') {
            lastString = s.string();
            continue;
        }
        if (c == ':' && depth == 1)
            currentKey = lastString;
        else if (c == ',' && depth == arrayDepth)
            wantElement = true;
        else if (c == '{' || c == '[') {
            ++depth;
            if (c == '[' && depth == 2 && arrayDepth < 0 && currentKey == key) {
                arrayDepth = 2;
                wantElement = true;
            }
        } else if (c == '}' || c == ']') {
            if (depth == arrayDepth)
                break;
            --depth;
        }
        ++s.pos;
    }
    return lines;
}

std::string syntaxProblem(std::string_view what)
{
    const std::size_t head = what.find("parse error");
    const std::size_t colon = head == std::string_view::npos ? head : what.find(": ", head);
    return std::string(colon == std::string_view::npos ? what : what.substr(colon + 2));
}

} // namespace ts::json_lines
