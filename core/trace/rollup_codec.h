#pragma once
#include "trace/rollup.h"

#include <string>
#include <string_view>

namespace ts::sql {
class Statement;
}

namespace ts::codec {

// The rollups columns, in the order readRollup() reads them and bindRollup() binds them (from ?1).
inline constexpr std::string_view kRollupColumns =
    "hour, model, provider, route, source, user, tags, requests, errors, refusals, cache_hits, guard_flagged, "
    "guard_blocked, streamed, ttft_count, input_tokens, output_tokens, cache_read_tokens, cost_usd, "
    "cache_saved_usd, duration_ms, ttft_ms, guard_ms, cache_ms, queue_ms, network_ms, generation_ms, tools_ms, "
    "other_ms, latency_hist, ttft_hist, tpot_hist, input_hist, output_hist";
inline constexpr int kRollupColumnCount = 34;

// A histogram as a BLOB: varint pairs (bucket gap, zigzag count). Throws CorruptValue when damaged.
std::string histogramToBytes(const LogHistogram::Sparse& sparse);
LogHistogram::Sparse histogramFromBytes(std::string_view bytes);

// Reads the row from column 0; `withHistograms` false leaves them empty (cheaper).
void readRollup(const sql::Statement& row, RollupRow& out, bool withHistograms = true);
// `blobs` keeps the encoded histograms alive until the statement is reset.
void bindRollup(sql::Statement& statement, const RollupRow& row, std::string (&blobs)[5]);

} // namespace ts::codec
