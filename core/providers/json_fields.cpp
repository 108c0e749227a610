#include "providers/json_fields.h"

namespace ts {

const nlohmann::json* field(const nlohmann::json& object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string stringField(const nlohmann::json& object, std::string_view key)
{
    const nlohmann::json* value = field(object, key);
    if (!value)
        return {};
    if (value->is_string())
        return value->get<std::string>();
    return value->is_number() ? value->dump() : std::string();
}

std::int64_t intField(const nlohmann::json& object, std::string_view key)
{
    const nlohmann::json* value = field(object, key);
    return value && value->is_number() ? value->get<std::int64_t>() : 0;
}

} // namespace ts
