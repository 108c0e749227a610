#pragma once
#include "analytics/rollup_cube.h"

#include <array>
#include <string>
#include <vector>

namespace ts::analytics {

inline constexpr std::array<double, 4> kLatencyQuantiles{0.5, 0.9, 0.95, 0.99};

// Where a group's requests spent their time on average, in ms, phase by phase (model/trace_facts.h).
struct PhaseMeans
{
    double guard = 0, cache = 0, queue = 0, network = 0, generation = 0, tools = 0, other = 0;
    double total() const { return guard + cache + queue + network + generation + tools + other; }
};

struct LatencyGroup
{
    std::string name;
    std::int64_t requests = 0;
    std::array<double, 4> quantiles{}; // latency at kLatencyQuantiles, ms
    double ttftP50 = 0, ttftP95 = 0;   // ms, streamed calls only
    double tpotP50 = 0;                // ms per output token
    double errorRate = 0;
    PhaseMeans phases;
    // Latency at each kLatencyQuantiles per time bucket (0 where the bucket had no requests).
    std::array<std::vector<double>, 4> series;
};

struct LatencySummary
{
    Granularity granularity = Granularity::Day;
    std::vector<std::int64_t> buckets; // bucket start hours
    LatencyGroup overall;
    std::vector<LatencyGroup> groups; // busiest first
    LogHistogram latency;             // every request, ms
    LogHistogram tpot;                // time per output token, ms
    LogHistogram ttft;
    // Buckets whose p95 was above the SLO (when one is set), per group name ("" for overall).
    std::int64_t bucketsOverSlo = 0;
};

PhaseMeans phaseMeans(const Aggregate& aggregate);
// The cube's groups (busiest first, at most maxGroups) and its total.
LatencySummary summarizeLatency(const RollupCube& cube, std::size_t maxGroups = 8, double p95SloMs = 0);

// A histogram's counts regrouped into at most `bars` ranges of whole buckets, for drawing.
struct HistogramBar
{
    double from = 0, to = 0;
    std::int64_t count = 0;
};
std::vector<HistogramBar> coarseBars(const LogHistogram& histogram, std::size_t bars = 24);

} // namespace ts::analytics
