#pragma once
#include <string>
#include <string_view>

namespace ts {

// Lower-case hex SHA-256 of data; used to check shipped rank files before trusting them.
std::string sha256Hex(std::string_view data);

} // namespace ts
