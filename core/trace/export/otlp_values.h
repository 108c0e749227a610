#pragma once
#include "model/span.h"

#include <nlohmann/json.hpp>
#include <string_view>

// Tokenscope values in OTLP/JSON's typed form (the protobuf JSON mapping), as the export writes them.
namespace ts::exporting::otlp {

// {"stringValue"}, {"intValue": "<decimal>"}, {"doubleValue": n} ("NaN", "Infinity", "-Infinity"
// for the values JSON numbers cannot hold), {"boolValue"}, {"arrayValue": {"values": [...]}}.
nlohmann::json anyValue(const AttrValue& value);
// [{"key", "value"}, ...] in the attributes' order.
nlohmann::json keyValues(const Attributes& attributes);
nlohmann::json keyValue(std::string_view key, const AttrValue& value);
// Nanoseconds as OTLP/JSON writes a fixed64: a decimal string.
nlohmann::json nanos(Nanos t);

} // namespace ts::exporting::otlp
