#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace ts::sql {
class Connection;
}

namespace ts::workspace {

// The settings table (schema version 5): text values by key. Throws sql::Error.
std::optional<std::string> readSetting(sql::Connection& db, std::string_view key);
// Stores the value, or removes the key when it is nullopt; commits at once.
void writeSetting(sql::Connection& db, std::string_view key, const std::optional<std::string>& value);

} // namespace ts::workspace
