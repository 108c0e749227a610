#pragma once
#include "analytics/rollup_cube.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What traffic cost, how fast it was and how it failed, for `tokenscope-cli report`: totals, one
// line per model, one per UTC day, and the most frequent errors. Built from hourly rollups, so a
// report over a million traces reads a few thousand rows.
namespace ts::analytics {

struct UsageLine
{
    std::string name; // the model; empty for the totals
    std::int64_t requests = 0, errors = 0;
    std::int64_t inputTokens = 0, outputTokens = 0, cachedTokens = 0;
    double costUsd = 0;
    double costShare = 0; // of the report's cost, 0..1
    double errorRate = 0; // errors / requests
    // From the rollups' log histograms: in the same bucket as the exact figure (buckets are 9% wide).
    double latencyP50Ms = 0, latencyP95Ms = 0;
    std::optional<double> ttftP50Ms; // streamed requests only; none when nothing streamed
};

struct DayUsage
{
    std::int64_t hour = 0; // first hour of the UTC day, in hours since the epoch
    std::int64_t requests = 0, errors = 0;
    double costUsd = 0;
};

struct ErrorCount
{
    std::string message;
    std::int64_t count = 0;
};

struct UsageReport
{
    std::optional<Nanos> since, until; // the whole hours the figures cover; none: unbounded
    UsageLine totals;
    std::vector<UsageLine> models;  // costliest first, then busiest
    std::vector<DayUsage> days;     // every day from the first with traffic to the last, empty ones too
    std::vector<ErrorCount> errors; // most frequent first
};

// Counts error messages; the same message (its first 200 bytes) counts as one. Past 10,000
// distinct messages the rest are counted together as "(other messages)", so memory stays bounded.
class ErrorTally
{
  public:
    void add(std::string_view message);
    std::vector<ErrorCount> top(std::size_t count) const;

  private:
    std::map<std::string, std::int64_t, std::less<>> counts_;
};

// The report from a cube of Day buckets grouped by Model (a cube of other settings is refused
// with std::invalid_argument) and the tallied errors.
UsageReport usageReport(const RollupCube& cube, const ErrorTally& errors, std::size_t topErrors = 10);

} // namespace ts::analytics
