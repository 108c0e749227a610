#include "structured/schema_paths.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

namespace ts::structured {

std::string childPath(const std::string& path, std::string_view key)
{
    std::string out = path + '/';
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string childPath(const std::string& path, std::size_t index)
{
    return path + '/' + std::to_string(index);
}

std::string shownPath(const std::string& path)
{
    return path.empty() ? std::string("(root)") : path;
}

const nlohmann::json* resolveRef(const nlohmann::json& root, const std::string& ref)
{
    if (ref == "#")
        return &root;
    if (ref.rfind("#/", 0) != 0)
        return nullptr; // remote and anchor refs: not in structured output's subset
    try {
        const nlohmann::json::json_pointer pointer(ref.substr(1));
        return root.contains(pointer) ? &root.at(pointer) : nullptr;
    } catch (const nlohmann::json::exception&) {
        return nullptr;
    }
}

bool knownType(std::string_view name)
{
    static constexpr std::array<std::string_view, 7> kTypes{"object",  "array",   "string", "number",
                                                            "integer", "boolean", "null"};
    return std::find(kTypes.begin(), kTypes.end(), name) != kTypes.end();
}

std::string typeOf(const nlohmann::json& value)
{
    if (value.is_number_integer())
        return "integer";
    if (value.is_number())
        return "number";
    return value.type_name(); // null, boolean, string, array, object
}

bool hasType(const nlohmann::json& value, std::string_view type)
{
    if (type == "integer")
        return value.is_number_integer() ||
               (value.is_number_float() && std::trunc(value.get<double>()) == value.get<double>());
    if (type == "number")
        return value.is_number();
    return typeOf(value) == type;
}

} // namespace ts::structured
