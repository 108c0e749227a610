#pragma once
#include "model/trace.h"

#include <nlohmann/json.hpp>
#include <span>
#include <string_view>

// The rows of the traces and spans tables, as JSON objects: what `tokenscope-cli traces --json`
// prints and what the JSONL and CSV exports write. The column lists give the CSV order.
namespace ts::exporting {

// trace_id, name, start (ISO 8601 UTC), duration_ms, model, provider, status, error,
// input_tokens, output_tokens, cached_tokens, reasoning_tokens, cost_usd, ttft_ms (null when
// nothing streamed), source, simulated, user, session, tags, spans.
nlohmann::json traceRow(const TraceSummary& summary);
std::span<const std::string_view> traceColumns();

// trace_id, span_id, parent_span_id, name, stage, start, duration_ms, status (unset, ok, error),
// model, input_tokens, output_tokens, cost_usd; the last four null where the span has none.
nlohmann::json spanRow(const Span& span);
std::span<const std::string_view> spanColumns();

} // namespace ts::exporting
