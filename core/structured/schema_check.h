#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace ts::structured {

// One way a value breaks its schema, at a JSON pointer into the value.
struct Violation
{
    std::string path;    // "/items/2/price"; "" for the whole value
    std::string message; // "expected number, got string"

    std::string text() const; // "/items/2/price: expected number, got string"
    bool operator==(const Violation&) const = default;
};

// Checks a value against the JSON Schema subset structured output uses: type (a name or a list,
// "null" included), properties, required, additionalProperties, items, enum, const, anyOf, allOf,
// oneOf, $ref into the same document ($defs, definitions), minimum/maximum (and exclusive),
// minLength/maxLength, minItems/maxItems, pattern (PCRE2). Other keywords are ignored.
// Empty: the value conforms.
std::vector<Violation> checkValue(const nlohmann::json& value, const nlohmann::json& schema);

} // namespace ts::structured
