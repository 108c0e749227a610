#include "trace/export/otlp_values.h"


#include <cmath>

namespace ts::exporting::otlp {

namespace {

using nlohmann::json;

json doubleValue(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    return d;
}

struct AnyValueOf
{
    json operator()(const std::string& s) const { return {{"stringValue", s}}; }
    json operator()(std::int64_t i) const { return {{"intValue", std::to_string(i)}}; }
    json operator()(double d) const { return {{"doubleValue", doubleValue(d)}}; }
    json operator()(bool b) const { return {{"boolValue", b}}; }
    json operator()(const std::vector<std::string>& items) const
    {
        json values = json::array();
        for (const std::string& s : items)
            values.push_back({{"stringValue", s}});
        return {{"arrayValue", {{"values", std::move(values)}}}};
    }
};

} // namespace

json anyValue(const AttrValue& value)
{
    return std::visit(AnyValueOf{}, value);
}

json keyValue(std::string_view key, const AttrValue& value)
{
    return {{"key", key}, {"value", anyValue(value)}};
}

json keyValues(const Attributes& attributes)
{
    json out = json::array();
    for (const auto& [key, value] : attributes)
        out.push_back(keyValue(key, value));
    return out;
}

json nanos(Nanos t)
{
    return std::to_string(t);
}

} // namespace ts::exporting::otlp
