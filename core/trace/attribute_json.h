#pragma once
#include "model/span.h"

#include <string>
#include <string_view>
#include <vector>

namespace ts::codec {

// Span attributes as a JSON object keyed by attribute name. Types survive the round trip:
// integers stay integers, doubles stay doubles (2.0 is written "2.0"), booleans and string
// arrays keep their type; a non-finite double is written {"double": "nan"|"inf"|"-inf"}.
std::string attributesToJson(const Attributes& attributes);
Attributes attributesFromJson(std::string_view json);

// Span events as [{"time": ns, "name": ..., "attributes": {...}}, ...].
std::string eventsToJson(const std::vector<SpanEvent>& events);
std::vector<SpanEvent> eventsFromJson(std::string_view json);

} // namespace ts::codec
