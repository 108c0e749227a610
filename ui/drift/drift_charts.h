#pragma once
#include "charts/chart_data.h"

#include <string>

namespace ts::ui::drift {

struct DriftAnalysis;

// A metric's level per bucket (median or rate), the baseline's level as a dashed line and a marker on
// each bucket that drifted against the baseline. Empty (no series) for the prompt centroid.
charts::TimeSeries timeSeriesFor(const DriftAnalysis& analysis, const std::string& id);

// A distribution metric's share of requests per range, baseline beside current; ranges on 1-2-5 steps
// (finer when the values are close together) from the 1st to the 99th percentile of both windows,
// those empty in both left out.
// Empty (no categories) for rates and the centroid.
charts::Bars histogramFor(const DriftAnalysis& analysis, const std::string& id);

} // namespace ts::ui::drift
