#pragma once
#include "model/json_reader.h"
#include "model/span.h"

#include <string>

// OTLP/JSON's values read with the pull reader (formats.md §5.4): 64-bit integers as decimal
// strings or numbers, enums as integers or their names, typed attribute values. Each function
// returns false on text it cannot take and then leaves in `error` what it was reading (the reader
// is not to be used after a false).
namespace ts::import::otlp {

// A KeyValue list: stringValue, intValue, doubleValue, boolValue and arrays of strings become those
// types; any other array, a kvlistValue and bytesValue (base64) are kept as their plain JSON text.
bool readAttributes(JsonReader& r, Attributes& out, std::string& error);
// A Span, its ids as written (see otlp_ids.h) and its events; links and trace state are left out.
bool readSpan(JsonReader& r, Span& out, std::string& error);
// A Resource or an InstrumentationScope: its attributes, and for a scope its name and version.
bool readResource(JsonReader& r, Attributes& out, std::string& error);
bool readScope(JsonReader& r, std::string& name, std::string& version, std::string& error);

} // namespace ts::import::otlp
