#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::filter {

// Splits filter text at spaces outside double quotes; quotes stay in the tokens.
// nullopt when a quote is left open.
std::optional<std::vector<std::string>> splitTokens(std::string_view text);

// The token without its double quotes.
std::string unquote(std::string_view token);

} // namespace ts::filter
