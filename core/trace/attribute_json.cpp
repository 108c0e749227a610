#include "trace/attribute_json.h"

#include "trace/json_text.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace ts::codec {

namespace {

using nlohmann::json;

std::string_view nonFiniteName(double value)
{
    if (std::isnan(value))
        return "nan";
    return value > 0 ? "inf" : "-inf";
}

double nonFiniteFrom(const json& value)
{
    const std::string name = value.value("double", std::string("nan"));
    if (name == "inf")
        return std::numeric_limits<double>::infinity();
    if (name == "-inf")
        return -std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();
}

void appendValue(std::string& out, const AttrValue& value)
{
    if (const auto* text = std::get_if<std::string>(&value))
        return json_text::appendString(out, *text);
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return json_text::appendInt(out, *i);
    if (const auto* b = std::get_if<bool>(&value)) {
        out += *b ? "true" : "false";
        return;
    }
    if (const auto* d = std::get_if<double>(&value)) {
        if (std::isfinite(*d))
            return json_text::appendDouble(out, *d);
        out += "{\"double\":\"";
        out += nonFiniteName(*d);
        out += "\"}";
        return;
    }
    out += '[';
    for (const std::string& item : std::get<std::vector<std::string>>(value)) {
        if (out.back() != '[')
            out += ',';
        json_text::appendString(out, item);
    }
    out += ']';
}

void appendAttributes(std::string& out, const Attributes& attributes)
{
    out += '{';
    for (const auto& [name, value] : attributes) {
        if (out.back() != '{')
            out += ',';
        json_text::appendString(out, name);
        out += ':';
        appendValue(out, value);
    }
    out += '}';
}

AttrValue fromJson(const json& value)
{
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    if (value.is_number_float())
        return value.get<double>();
    if (value.is_array())
        return value.get<std::vector<std::string>>();
    if (value.is_object())
        return nonFiniteFrom(value);
    return value.get<std::string>();
}

Attributes attributesFrom(const json& object)
{
    Attributes attributes;
    for (const auto& [name, value] : object.items())
        attributes.emplace(name, fromJson(value));
    return attributes;
}

} // namespace

std::string attributesToJson(const Attributes& attributes)
{
    std::string out;
    out.reserve(64 * attributes.size());
    appendAttributes(out, attributes);
    return out;
}

Attributes attributesFromJson(std::string_view text)
{
    return attributesFrom(json::parse(text));
}

std::string eventsToJson(const std::vector<SpanEvent>& events)
{
    std::string out = "[";
    for (const SpanEvent& event : events) {
        out += out.size() > 1 ? ",{\"time\":" : "{\"time\":";
        json_text::appendInt(out, event.time);
        out += ",\"name\":";
        json_text::appendString(out, event.name);
        out += ",\"attributes\":";
        appendAttributes(out, event.attributes);
        out += '}';
    }
    return out + "]";
}

std::vector<SpanEvent> eventsFromJson(std::string_view text)
{
    std::vector<SpanEvent> events;
    for (const json& item : json::parse(text))
        events.push_back({item.at("time").get<Nanos>(), item.at("name").get<std::string>(),
                          attributesFrom(item.at("attributes"))});
    return events;
}

} // namespace ts::codec
