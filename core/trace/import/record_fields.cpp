#include "trace/import/record_fields.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace ts::import {

using nlohmann::json;

std::string parseRecord(std::string_view text, json& out)
{
    try {
        out = json::parse(text);
        return {};
    } catch (const json::parse_error& e) {
        // what() starts with "[json.exception.parse_error.101] ": the rest is the useful part.
        std::string_view why = e.what();
        if (const auto close = why.find("] "); close != std::string_view::npos)
            why.remove_prefix(close + 2);
        return "not JSON: " + std::string(why);
    }
}

std::string parseObject(std::string_view text, json& out)
{
    if (std::string why = parseRecord(text, out); !why.empty())
        return why;
    if (!out.is_object())
        return std::string("not a JSON object but ") + (out.is_array() ? "an array" : "a single value");
    return {};
}

const json* fieldOf(const json& object, std::initializer_list<const char*> keys)
{
    if (!object.is_object())
        return nullptr;
    for (const char* key : keys)
        if (const auto it = object.find(key); it != object.end() && !it->is_null())
            return &*it;
    return nullptr;
}

bool hasString(const json& object, std::string_view key)
{
    const auto it = object.is_object() ? object.find(key) : object.end();
    return it != object.end() && it->is_string();
}

std::string textField(const json& object, std::initializer_list<const char*> keys)
{
    const json* v = fieldOf(object, keys);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::optional<std::int64_t> countOf(const json* value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number_integer())
        return value->get<std::int64_t>();
    if (value->is_number_float()) {
        const double d = value->get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e18)
            return static_cast<std::int64_t>(d);
        return std::nullopt;
    }
    if (!value->is_string())
        return std::nullopt;
    const std::string& s = value->get_ref<const std::string&>();
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty())
        return std::nullopt;
    return n;
}

std::optional<double> amountOf(const json* value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number())
        return value->get<double>();
    if (!value->is_string())
        return std::nullopt;
    const std::string& s = value->get_ref<const std::string&>();
    double d = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(d))
        return std::nullopt;
    return d;
}

json unwrapJsonText(const json& value)
{
    if (!value.is_string())
        return value;
    const std::string& s = value.get_ref<const std::string&>();
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || (s[first] != '[' && s[first] != '{'))
        return value;
    json parsed = json::parse(s, nullptr, false);
    return parsed.is_discarded() ? value : parsed;
}

std::string joinedTags(const json* tags)
{
    std::string out;
    if (!tags || !tags->is_array())
        return out;
    for (const json& tag : *tags)
        if (tag.is_string() && !tag.get_ref<const std::string&>().empty())
            out += (out.empty() ? "" : ",") + tag.get<std::string>();
    return out;
}

std::string joinedReasons(const std::vector<std::string>& reasons)
{
    std::string out;
    for (const std::string& r : reasons)
        out += (out.empty() ? "" : "; ") + r;
    return out;
}

} // namespace ts::import
