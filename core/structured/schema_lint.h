#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace ts::structured {

// What is wrong with a JSON Schema as a schema (not with any value), in words, each with the
// pointer into the schema: "/properties/age/type: \"integr\" is not a type ...". Empty: it is fine.
// The root must be an object (what tools and response formats take).
std::vector<std::string> schemaProblems(const nlohmann::json& schema);

} // namespace ts::structured
