#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

// What the schema checker and the schema linter share: JSON pointers, local $refs, type names.
namespace ts::structured {

std::string childPath(const std::string& path, std::string_view key); // "/a" + "b/c" → "/a/b~1c"
std::string childPath(const std::string& path, std::size_t index);
std::string shownPath(const std::string& path); // "" → "(root)"

// "#/$defs/Item", "#/definitions/Item" or any other pointer into the same document; null if absent.
const nlohmann::json* resolveRef(const nlohmann::json& root, const std::string& ref);

bool knownType(std::string_view name); // object, array, string, number, integer, boolean, null
std::string typeOf(const nlohmann::json& value);
bool hasType(const nlohmann::json& value, std::string_view type);

} // namespace ts::structured
