#pragma once
#include "trace/export/export_request.h"
#include "trace/store.h"

#include <nlohmann/json_fwd.hpp>
#include <ostream>

// OTLP JSON export: one ExportTraceServiceRequest per line (the OpenTelemetry Collector file
// exporter's form), one trace per request, which Tokenscope's own import reads back unchanged.
//  - ids lower-case hex; times decimal strings of nanoseconds; kind and status.code integers;
//    attributes typed (otlp_values.h); span events with their attributes.
//  - resource attributes: only service.name, and only when the root span has one (a copy of it),
//    so an import, which copies resource attributes onto the root, adds nothing. Scope:
//    {"name": "tokenscope", "version": TOKENSCOPE_VERSION}.
//  - the conversation: gen_ai.input.messages and gen_ai.output.messages string attributes on the
//    root span, each the JSON text of import::toGenAiMessages() (always written, "[]" when empty,
//    so no stray copy on another span can stand in for it on the way back).
//  - raw exchanges: a tokenscope.exchange event on the span each belongs to (trace/exchange_event.h),
//    on the root when that span is not in the trace.
// A trace without spans has nothing OTLP can carry and is skipped.
namespace ts::exporting {

nlohmann::json otlpRequest(const Trace& trace);

// Writes the request of each selected trace as a line to `out`.
ExportResult exportOtlp(TraceReader& reader, const ExportRequest& request, std::ostream& out);

} // namespace ts::exporting
