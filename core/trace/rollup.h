#pragma once
#include "model/log_histogram.h"
#include "model/trace.h"

#include <compare>
#include <cstdint>
#include <string>

namespace ts {

// The store keeps one rollup row per hour and combination of the dimensions the live panels filter
// and group by, updated in the transaction that writes (or replaces) a trace. Panels read these rows,
// a few hundred per hour of traffic, instead of millions of traces.
inline constexpr std::int64_t kRollupBucketNs = 3'600'000'000'000; // one hour

struct RollupKey
{
    std::int64_t hour = 0; // start_ns / kRollupBucketNs
    std::string model, provider, route, source, user, tags;

    auto operator<=>(const RollupKey&) const = default;
    bool operator==(const RollupKey&) const = default;
};

// Sums and counts; histograms of latency (ms), time to first token (ms), time per output token (ms),
// input and output tokens per request.
struct RollupMeasures
{
    std::int64_t requests = 0, errors = 0, refusals = 0, cacheHits = 0, guardFlagged = 0, guardBlocked = 0;
    std::int64_t streamed = 0, ttftCount = 0;
    std::int64_t inputTokens = 0, outputTokens = 0, cacheReadTokens = 0;
    double costUsd = 0, cacheSavedUsd = 0, durationMs = 0, ttftMs = 0;
    TracePhases phases; // sums over the requests
    LogHistogram::Sparse latency, ttft, tpot, inputHist, outputHist;

    bool operator==(const RollupMeasures&) const = default;
};

// Two tables of the same rows at two levels of detail. Users and tag sets multiply the rows (a busy
// hour of 300 users holds hundreds of combinations), so the model-level table, which drops them, is
// what panels read unless they filter or group by user or tag: a few dozen rows an hour.
enum class RollupDetail { Full, ModelLevel };
std::string_view rollupTable(RollupDetail detail); // "rollups", "rollups_model"

struct RollupRow
{
    RollupKey key;
    RollupMeasures m;
};

// The hour a time falls in (floor, also before 1970).
inline std::int64_t rollupHourOf(Nanos t)
{
    return t >= 0 ? t / kRollupBucketNs : (t - kRollupBucketNs + 1) / kRollupBucketNs;
}

RollupKey rollupKeyOf(const TraceSummary& summary, RollupDetail detail = RollupDetail::Full);
// What one trace adds to its row.
RollupMeasures rollupOf(const TraceSummary& summary);
// into += sign * delta; histograms bucket by bucket.
void addRollup(RollupMeasures& into, const RollupMeasures& delta, std::int64_t sign = 1);
// The same for the sums and counts only; the histograms of `into` are left alone.
void addRollupScalars(RollupMeasures& into, const RollupMeasures& delta, std::int64_t sign = 1);

// Time per output token of a request: its generation time over its output tokens after the first.
std::optional<double> timePerOutputToken(const TraceSummary& summary);

} // namespace ts
