#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace ts {

// Reading provider JSON where any key may be absent or null: both read as "not there".
const nlohmann::json* field(const nlohmann::json& object, std::string_view key);
std::string stringField(const nlohmann::json& object, std::string_view key); // numbers as their text
std::int64_t intField(const nlohmann::json& object, std::string_view key);

} // namespace ts
