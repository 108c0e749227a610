#pragma once
#include <string>
#include <string_view>

namespace ts::import {

// Trace and span ids for records whose own ids are not OTLP's hex (Langfuse UUIDs, LangSmith run
// ids, OpenAI custom_ids). The same source id always gives the same id, so importing a file twice
// writes the same traces again instead of new ones.
//
// traceIdFor: 32 lower-case hex characters. A 32-hex id is kept (lower-cased); a UUID keeps its
// digits without the dashes; anything else is hashed.
std::string traceIdFor(std::string_view sourceId);
// spanIdFor: 16 lower-case hex characters. A 16-hex id is kept (lower-cased); anything else is
// hashed. `scope` (usually the trace's source id) keeps equal ids of different traces apart.
std::string spanIdFor(std::string_view sourceId, std::string_view scope = {});

} // namespace ts::import
