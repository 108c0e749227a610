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

// An OTLP/HTTP JSON ExportTraceServiceRequest (formats.md §5.4), read by the importer's OTLP
// mapper (trace/import/otlp_mapper.h: hex or base64 ids, deprecated GenAI names, OpenInference and
// OpenLLMetry) and finished as an imported trace is (trace/import/trace_finish.h: the root first,
// model calls marked and priced, tokenscope.source "otlp" unless the root says otherwise).
OtlpImport parseOtlpTraces(std::string_view body);

} // namespace ts::serve
