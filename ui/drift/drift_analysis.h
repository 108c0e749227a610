#pragma once
#include "analytics/drift_report.h"
#include "analytics/segment_drift.h"
#include "drift/drift_windows.h"
#include "trace/filter.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ts {
class CancelToken;
class TraceReader;
} // namespace ts

namespace ts::ui::drift {

// One metric over the charted buckets: its level per bucket (a median, or a rate 0..1; 0 where a bucket
// has no traffic), the baseline's level, and the buckets that drifted against the whole baseline.
struct MetricSeries
{
    std::string id;
    std::vector<double> values;
    std::vector<std::int64_t> requests;
    std::vector<std::size_t> alarms;     // bucket indexes
    std::vector<std::string> alarmText;  // compareMetric()'s sentence, one per alarm
    double baselineLevel = 0;
};

struct DriftRequest
{
    TraceFilter filter; // the shared filter; since/until give the range the windows end in
    WindowChoice choice;
    Nanos now = 0;
    std::size_t promptSample = 2000; // previews per window for the topic centroid
};

// What the Drift panel shows, computed on the worker: immutable once made.
struct DriftAnalysis
{
    DriftWindows windows;
    TraceFilter filter; // as read (the windows' times in since/until)
    analytics::Aggregate baseline, current;
    analytics::DriftReport report;
    std::vector<MetricSeries> series; // every metric but the centroid, in driftMetricIds() order
    std::vector<analytics::SegmentDrift> segments; // routes, models and tags that drifted, strongest first
    std::size_t baselinePrompts = 0, currentPrompts = 0; // previews sampled for the centroid

    const MetricSeries* seriesOf(std::string_view id) const;
};

// One pass over the rollups of both windows, then a sample of each window's prompts; nullptr once cancelled.
std::shared_ptr<const DriftAnalysis> analyzeDrift(TraceReader& reader, const DriftRequest& request,
                                                  const CancelToken& cancel);

} // namespace ts::ui::drift
