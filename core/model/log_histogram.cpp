#include "model/log_histogram.h"

#include <algorithm>
#include <cmath>

namespace ts {

int LogHistogram::bucketOf(double value)
{
    if (!(value > kFloor)) // NaN and negatives count as the smallest
        return 0;
    if (!std::isfinite(value))
        return kBuckets - 1;
    const double steps = std::log2(value / kFloor) * kStepsPerDoubling;
    return std::clamp(static_cast<int>(steps) + 1, 1, kBuckets - 1);
}

double LogHistogram::lowerBound(int bucket)
{
    return bucket <= 0 ? 0.0 : kFloor * std::exp2(static_cast<double>(bucket - 1) / kStepsPerDoubling);
}

double LogHistogram::upperBound(int bucket)
{
    return kFloor * std::exp2(static_cast<double>(std::max(bucket, 0)) / kStepsPerDoubling);
}

double LogHistogram::representative(int bucket)
{
    return bucket <= 0 ? kFloor : std::sqrt(lowerBound(bucket) * upperBound(bucket));
}

void LogHistogram::add(double value, std::int64_t count)
{
    addBucket(bucketOf(value), count);
}

void LogHistogram::addBucket(int bucket, std::int64_t count)
{
    bucket = std::clamp(bucket, 0, kBuckets - 1);
    if (static_cast<std::size_t>(bucket) >= counts_.size())
        counts_.resize(static_cast<std::size_t>(bucket) + 1, 0);
    counts_[static_cast<std::size_t>(bucket)] += count;
    total_ += count;
}

void LogHistogram::add(const Sparse& sparse, std::int64_t sign)
{
    for (const auto& [bucket, count] : sparse)
        addBucket(bucket, count * sign);
}

void LogHistogram::merge(const LogHistogram& other)
{
    if (other.counts_.size() > counts_.size())
        counts_.resize(other.counts_.size(), 0);
    for (std::size_t i = 0; i < other.counts_.size(); ++i)
        counts_[i] += other.counts_[i];
    total_ += other.total_;
}

double LogHistogram::quantile(double q) const
{
    if (total_ <= 0)
        return 0;
    const double target = std::clamp(q, 0.0, 1.0) * static_cast<double>(total_);
    double seen = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        const auto c = static_cast<double>(std::max<std::int64_t>(counts_[i], 0));
        if (c <= 0)
            continue;
        if (seen + c >= target) {
            // Interpolate inside the bucket on the log scale, so p50 of a single bucket is its middle.
            const int b = static_cast<int>(i);
            if (b == 0) // at or below the floor: nothing to tell apart from zero
                return 0.0;
            const double within = std::clamp((target - seen) / c, 0.0, 1.0);
            return lowerBound(b) * std::pow(upperBound(b) / lowerBound(b), within);
        }
        seen += c;
    }
    return representative(static_cast<int>(counts_.size()) - 1);
}

double LogHistogram::cdf(double value) const
{
    if (total_ <= 0)
        return 0;
    const auto last = static_cast<std::size_t>(bucketOf(value));
    std::int64_t below = 0;
    for (std::size_t i = 0; i < counts_.size() && i <= last; ++i)
        below += counts_[i];
    return static_cast<double>(below) / static_cast<double>(total_);
}

LogHistogram::Sparse LogHistogram::sparse() const
{
    Sparse out;
    for (std::size_t i = 0; i < counts_.size(); ++i)
        if (counts_[i] != 0)
            out.emplace_back(static_cast<std::uint16_t>(i), counts_[i]);
    return out;
}

void mergeSparse(LogHistogram::Sparse& into, const LogHistogram::Sparse& delta, std::int64_t sign)
{
    LogHistogram::Sparse out;
    out.reserve(into.size() + delta.size());
    std::size_t i = 0, j = 0;
    while (i < into.size() || j < delta.size()) {
        if (j == delta.size() || (i < into.size() && into[i].first < delta[j].first)) {
            out.push_back(into[i++]);
        } else if (i == into.size() || delta[j].first < into[i].first) {
            out.emplace_back(delta[j].first, delta[j].second * sign);
            ++j;
        } else {
            out.emplace_back(into[i].first, into[i].second + delta[j].second * sign);
            ++i, ++j;
        }
        if (out.back().second == 0)
            out.pop_back();
    }
    into = std::move(out);
}

} // namespace ts
