#pragma once
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <string_view>

// RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted when it holds a
// comma, a quote, CR or LF, and a quote inside doubled.
namespace ts::exporting::csv {

void appendField(std::string& out, std::string_view text);
// One record of the columns' values in `row` (a JSON object): strings quoted as needed, numbers
// and booleans as JSON writes them (never quoted), null or absent as an empty field.
void appendRecord(std::string& out, const nlohmann::json& row, std::span<const std::string_view> columns);
void appendHeader(std::string& out, std::span<const std::string_view> columns);

} // namespace ts::exporting::csv
