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
// Bytes as a JSON value: the text itself when it is valid UTF-8 (nearly always), else
// {"base64": "..."}, so a stream cut inside a character comes back byte for byte.
nlohmann::json bytesValue(std::string_view bytes);

} // namespace ts::exporting::otlp
