#pragma once
#include "analytics/drift_report.h"
#include "analytics/rollup_cube.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ts::analytics {

// Drift inside one group (a route, a model, a tag) that the whole traffic can hide: a route whose
// prompts doubled is lost in the total when it carries a tenth of the requests.
struct SegmentDrift
{
    Dimension dimension = Dimension::None;
    std::string value;
    DriftReport report; // the group's windows compared (no centroid)
    double strength = 0; // the largest PSI among its drifted metrics, to rank segments by
};

// Both windows' rollup rows added up per group, for the dimensions asked.
class SegmentWindows
{
public:
    explicit SegmentWindows(std::vector<Dimension> dimensions) : dimensions_(std::move(dimensions)) {}

    void add(const RollupRow& row, bool current);
    // The groups that drifted, strongest first. A group needs `minRequests` in each window (many groups
    // are many chances of a false alarm, so the bar is higher than for the whole); a group that holds
    // nine tenths or more of both windows is left out, since the whole already says what it would.
    std::vector<SegmentDrift> drifted(std::int64_t minRequests = 50) const;

private:
    std::vector<Dimension> dimensions_;
    std::map<std::pair<Dimension, std::string>, std::pair<Aggregate, Aggregate>> cells_; // (baseline, current)
    std::int64_t baselineTotal_ = 0, currentTotal_ = 0;
};

} // namespace ts::analytics
