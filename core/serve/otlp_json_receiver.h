#pragma once
#include "model/trace.h"

#include <string>
#include <string_view>
#include <vector>

namespace ts::serve {

struct OtlpImport
{
    std::vector<Trace> traces; // one per trace id in the request
    std::string error;         // the body is not an ExportTraceServiceRequest: why, in words
    int rejectedSpans = 0;     // spans without valid ids
};

// An OTLP/HTTP JSON ExportTraceServiceRequest (formats.md §5.4): hex ids, nanosecond timestamps as
// strings or numbers, integer enums, typed attribute values. GenAI spans (an operation name or
// usage attributes) are marked as model calls so the trace summary counts their tokens; deprecated
// names (gen_ai.system, gen_ai.usage.prompt_tokens/completion_tokens) are read as the current ones.
// The root span gets the resource's attributes and tokenscope.source "otlp" unless it says otherwise.
OtlpImport parseOtlpTraces(std::string_view body);

} // namespace ts::serve
