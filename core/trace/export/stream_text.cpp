#include "trace/export/stream_text.h"

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

namespace ts::exporting {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 8> kTextKeys{
    "content", "text", "partial_json", "thinking", "delta", "arguments", "refusal", "reasoning_content"};

bool isTextKey(std::string_view key)
{
    for (std::string_view k : kTextKeys)
        if (k == key)
            return true;
    return false;
}

// Depth-first, in document order; stream events nest a few levels, so recursion stays shallow
// (nlohmann refuses documents nested deeper than it can parse anyway).
void collect(const json& value, std::string& out)
{
    if (value.is_object()) {
        for (const auto& [key, v] : value.items())
            if (v.is_string() && isTextKey(key))
                out += v.get_ref<const std::string&>();
            else if (v.is_structured())
                collect(v, out);
    } else if (value.is_array()) {
        for (const json& v : value)
            collect(v, out);
    }
}

std::string_view trimmed(std::string_view line)
{
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.remove_suffix(1);
    if (line.starts_with("data:"))
        line.remove_prefix(5);
    while (!line.empty() && line.front() == ' ')
        line.remove_prefix(1);
    return line;
}

} // namespace

std::string streamedText(const std::vector<Exchange::Chunk>& chunks)
{
    std::string joined;
    for (const Exchange::Chunk& c : chunks)
        joined += c.data;
    std::string out;
    std::size_t from = 0;
    while (from < joined.size()) {
        std::size_t end = joined.find('\n', from);
        if (end == std::string::npos)
            end = joined.size();
        const std::string_view line = trimmed(std::string_view(joined).substr(from, end - from));
        if (line.starts_with('{') || line.starts_with('[')) {
            const json event = json::parse(line, nullptr, false);
            if (!event.is_discarded())
                collect(event, out);
        }
        from = end + 1;
    }
    return out;
}

} // namespace ts::exporting
