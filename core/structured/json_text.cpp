#include "structured/json_text.h"

#include <algorithm>

namespace ts::structured {

namespace {

// nlohmann counts the byte it stopped at from 1; lines and columns follow from the text before it.
void locate(std::string_view text, std::size_t byte, JsonParse& out)
{
    const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, text.size());
    const std::string_view before = text.substr(0, end);
    out.line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t lineStart = before.rfind('\n');
    out.column = 1 + static_cast<int>(lineStart == std::string_view::npos ? end : end - lineStart - 1);
}

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." → "syntax error ..."
std::string reason(const std::string& what)
{
    const std::size_t column = what.find("column ");
    const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

} // namespace

JsonParse parseJson(std::string_view text)
{
    JsonParse out;
    try {
        out.value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        locate(text, e.byte, out);
        out.error = "line " + std::to_string(out.line) + ", column " + std::to_string(out.column) + ": " +
                    reason(e.what());
    }
    return out;
}

} // namespace ts::structured
