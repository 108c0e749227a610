#pragma once
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace ts::serve {

// Appends `text` as a JSON string literal (quotes included): the hot path of every streamed chunk,
// so no DOM is built for it. Bytes are copied as they are.
void appendJsonString(std::string& out, std::string_view text);

// Compact JSON that never throws on text that is not valid UTF-8 (it is replaced).
std::string dumpJson(const nlohmann::json& value);

} // namespace ts::serve
