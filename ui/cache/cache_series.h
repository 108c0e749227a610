#pragma once
#include "cache/cache_report.h"
#include "cache/threshold_tuning.h"
#include "charts/chart_data.h"

// The Cache panel's figures as chart data.
namespace ts::ui::cachepanel {

QColor layerColor(ts::cache::CacheLayer layer);
charts::TimeSeries hitRateSeries(const ts::cache::CacheReport& report);  // % per day, a line per layer
charts::TimeSeries savingSeries(const ts::cache::CacheReport& report);   // USD per day, stacked by layer
charts::XYCurves tuningCurves(const ts::cache::TuningResult& tuning);    // hit rate % and saving against threshold

} // namespace ts::ui::cachepanel
