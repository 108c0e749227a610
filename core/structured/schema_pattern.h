#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace ts::structured {

// JSON Schema's "pattern": a regular expression that must match somewhere in the string (not
// anchored). PCRE2 stands in for ECMA-262; the two agree on the patterns schemas use.
// nullopt: the pattern does not compile, and `error` (if given) says why.
std::optional<bool> patternMatches(std::string_view pattern, std::string_view text,
                                   std::string* error = nullptr);

} // namespace ts::structured
