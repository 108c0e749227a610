#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ts::guard {

struct JsonSpan
{
    std::size_t start = 0;
    std::size_t end = 0;
};

// Where the value a JSON pointer ("/items/2/price", "" for the root) names sits in JSON text,
// for pointing at a schema violation. nullopt when the text is not JSON or the value is absent.
// Iterative, so deep nesting cannot exhaust the stack.
std::optional<JsonSpan> locateJsonPointer(std::string_view json, const std::string& pointer);

} // namespace ts::guard
