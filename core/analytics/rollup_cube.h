#pragma once
#include "model/log_histogram.h"
#include "trace/rollup.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ts::analytics {

// What the live panels group rollup rows by. Tag splits a row's comma-separated tags: a request
// tagged "rag,kb:docs" counts once under each, so tag groups may add up to more than the total.
enum class Dimension { None, Model, Provider, Route, Source, User, Tag };
enum class Granularity { Hour, Day };

std::string_view dimensionName(Dimension dimension); // "model", ...; "" for None
std::vector<std::string> dimensionValues(const RollupKey& key, Dimension dimension);

// One cell: the rows' sums and their histograms merged.
struct Aggregate
{
    RollupMeasures sums; // histograms left empty: they are the LogHistograms below
    LogHistogram latency, ttft, tpot, input, output;

    void add(const RollupMeasures& measures);
    void merge(const Aggregate& other);
    double errorRate() const;
    double refusalRate() const;
    double cacheHitRate() const;
    double guardFlaggedRate() const;
    double meanLatencyMs() const;
    double costPerThousand() const; // dollars per thousand requests
};

// Start of a time bucket, in hours since the epoch (UTC): the hour itself, or the day's first hour.
std::int64_t bucketHour(std::int64_t hour, Granularity granularity);
inline std::int64_t hoursPer(Granularity granularity) { return granularity == Granularity::Day ? 24 : 1; }

// Rollup rows added up by time bucket and group. Fed one row at a time (TraceReader::rollups), so a
// query over millions of traces holds only its cells.
class RollupCube
{
public:
    RollupCube(Granularity granularity, Dimension dimension) : granularity_(granularity), dimension_(dimension) {}

    void add(const RollupRow& row);

    Granularity granularity() const { return granularity_; }
    Dimension dimension() const { return dimension_; }
    // (bucket start hour, group) -> cell
    const std::map<std::pair<std::int64_t, std::string>, Aggregate>& cells() const { return cells_; }
    // Every bucket's cells added up per group, and everything added up.
    const std::map<std::string, Aggregate>& groups() const { return groups_; }
    const Aggregate& total() const { return total_; }
    // The buckets from the first to the last seen, without gaps (empty buckets included).
    std::vector<std::int64_t> buckets() const;
    // Groups by a measure, largest first.
    std::vector<std::string> groupsBy(double (*measure)(const Aggregate&)) const;
    const Aggregate* cell(std::int64_t bucket, const std::string& group) const;

private:
    Granularity granularity_;
    Dimension dimension_;
    std::map<std::pair<std::int64_t, std::string>, Aggregate> cells_;
    std::map<std::string, Aggregate> groups_;
    Aggregate total_;
    std::int64_t first_ = 0, last_ = -1;
};

} // namespace ts::analytics
