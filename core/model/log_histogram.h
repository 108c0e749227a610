#pragma once
#include <cstdint>
#include <utility>
#include <vector>

namespace ts {

// Counts of positive values in log-spaced buckets: 8 to each doubling, so a quantile read back is
// within 4.4% of the true value, whatever the unit (ms, tokens) and however many values went in.
// Mergeable and subtractable, which is what rollups need: a store adds a trace in and takes it out.
class LogHistogram
{
public:
    static constexpr int kStepsPerDoubling = 8;
    static constexpr double kFloor = 0.01; // bucket 0 holds everything at or below it
    static constexpr int kBuckets = 400;   // up to 0.01 * 2^50

    // A few buckets with their counts, ascending by bucket: how one row keeps its histogram.
    using Sparse = std::vector<std::pair<std::uint16_t, std::int64_t>>;

    static int bucketOf(double value);
    static double lowerBound(int bucket);
    static double upperBound(int bucket);
    static double representative(int bucket); // the geometric middle

    void add(double value, std::int64_t count = 1);
    void addBucket(int bucket, std::int64_t count);
    void add(const Sparse& sparse, std::int64_t sign = 1);
    void merge(const LogHistogram& other);

    std::int64_t total() const { return total_; }
    bool empty() const { return total_ <= 0; }
    // The value below which a share q (0..1) of the counts lies; 0 when empty or at the floor.
    double quantile(double q) const;
    // Share of counts at or below `value` (bucket resolution).
    double cdf(double value) const;
    const std::vector<std::int64_t>& counts() const { return counts_; }
    Sparse sparse() const;

private:
    std::vector<std::int64_t> counts_; // grown to the highest bucket used
    std::int64_t total_ = 0;
};

// Adds `delta` (times sign) into `into`, both ascending; drops buckets that reach zero.
void mergeSparse(LogHistogram::Sparse& into, const LogHistogram::Sparse& delta, std::int64_t sign);

} // namespace ts
