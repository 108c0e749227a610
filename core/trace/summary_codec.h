#pragma once
#include "model/trace.h"

#include <string_view>

namespace ts::sql {
class Statement;
}

namespace ts::codec {

// The traces columns of a TraceSummary, in the order readSummary() reads them.
inline constexpr std::string_view kSummaryColumns =
    "rowid, trace_id, name, start_ns, duration_ms, model, provider, status, error, input_tokens, "
    "output_tokens, cache_read_tokens, reasoning_tokens, cost_usd, ttft_ms, source, simulated, user, "
    "session, tags, span_count, preview, route, cache_hit, refused, streamed, guard_findings, guard_blocked, "
    "cache_saved_usd, guard_ms, cache_ms, queue_ms, network_ms, generation_ms, tools_ms, other_ms";

// Replaces nothing: the writer deletes an older trace with the same id when this adds no row.
inline constexpr std::string_view kInsertSummary =
    "INSERT INTO traces (trace_id, name, start_ns, duration_ms, model, provider, status, error, "
    "input_tokens, output_tokens, cache_read_tokens, reasoning_tokens, cost_usd, ttft_ms, source, "
    "simulated, user, session, tags, span_count, preview, route, cache_hit, refused, streamed, guard_findings, "
    "guard_blocked, cache_saved_usd, guard_ms, cache_ms, queue_ms, network_ms, generation_ms, tools_ms, other_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
    "?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35) "
    "ON CONFLICT (trace_id) DO NOTHING";

// Reads kSummaryColumns from the current row, starting at column 0.
TraceSummary readSummary(const sql::Statement& row);
// Binds the placeholders of kInsertSummary to the summary's own strings: keep it alive until reset().
void bindSummary(sql::Statement& insert, const TraceSummary& summary);

} // namespace ts::codec
