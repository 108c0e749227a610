#include "trace/export/csv_text.h"

#include <nlohmann/json.hpp>

namespace ts::exporting::csv {

void appendField(std::string& out, std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendRecord(std::string& out, const nlohmann::json& row, std::span<const std::string_view> columns)
{
    bool first = true;
    for (std::string_view column : columns) {
        if (!first)
            out += ',';
        first = false;
        const auto it = row.find(column);
        if (it == row.end() || it->is_null())
            continue;
        if (it->is_string())
            appendField(out, it->get_ref<const std::string&>());
        else
            out += it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    out += "\r\n";
}

void appendHeader(std::string& out, std::span<const std::string_view> columns)
{
    bool first = true;
    for (std::string_view column : columns) {
        if (!first)
            out += ',';
        first = false;
        appendField(out, column);
    }
    out += "\r\n";
}

} // namespace ts::exporting::csv
