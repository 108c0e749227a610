#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace ts::structured {

// JSON text read back, or where and why it is not JSON.
struct JsonParse
{
    std::optional<nlohmann::json> value;
    std::string error; // "line 3, column 7: syntax error while parsing object - unexpected '}'"
    int line = 0;      // 1-based, where the parser stopped; 0 when it parsed
    int column = 0;

    bool ok() const { return value.has_value(); }
};

JsonParse parseJson(std::string_view text);

} // namespace ts::structured
