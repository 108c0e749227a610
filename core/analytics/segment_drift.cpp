#include "analytics/segment_drift.h"

#include <algorithm>

namespace ts::analytics {

namespace {

constexpr double kMostOfIt = 0.9; // a group this much of both windows is the whole, near enough

} // namespace

void SegmentWindows::add(const RollupRow& row, bool current)
{
    (current ? currentTotal_ : baselineTotal_) += row.m.requests;
    for (const Dimension d : dimensions_)
        for (std::string& value : dimensionValues(row.key, d)) {
            if (value.empty())
                continue;
            auto& cell = cells_[{d, std::move(value)}];
            (current ? cell.second : cell.first).add(row.m);
        }
}

std::vector<SegmentDrift> SegmentWindows::drifted(std::int64_t minRequests) const
{
    std::vector<SegmentDrift> out;
    for (const auto& [key, windows] : cells_) {
        const auto& [baseline, current] = windows;
        if (baseline.sums.requests < minRequests || current.sums.requests < minRequests)
            continue;
        if (static_cast<double>(baseline.sums.requests) >= kMostOfIt * static_cast<double>(baselineTotal_) &&
            static_cast<double>(current.sums.requests) >= kMostOfIt * static_cast<double>(currentTotal_))
            continue;
        DriftReport report = compareWindows(baseline, current);
        if (report.driftedIds().empty())
            continue;
        double strength = 0;
        for (const DriftMetric& m : report.metrics)
            if (m.drifted)
                strength = std::max(strength, m.psi);
        out.push_back({key.first, key.second, std::move(report), strength});
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.strength > b.strength; });
    return out;
}

} // namespace ts::analytics
