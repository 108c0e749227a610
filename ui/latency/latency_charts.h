#pragma once
#include "analytics/latency_summary.h"
#include "charts/chart_data.h"

#include <QStringList>

// The latency summary as chart data (ui/charts): no chart library types here.
namespace ts::ui::latency {

// Index into analytics::kLatencyQuantiles: p50, p90, p95, p99.
QString quantileName(int quantile);
QStringList bucketLabels(const analytics::LatencySummary& summary);

// One line per group at the chosen quantile, with the SLO (0: none) as a dashed line.
charts::TimeSeries percentileSeries(const analytics::LatencySummary& summary, int quantile, double sloMs);
// Each group's mean request, phase by phase, as stacked horizontal bars (overall first).
charts::Bars phaseBars(const analytics::LatencySummary& summary);
// A histogram's requests per range, as bars labelled with the range.
charts::Bars histogramBars(const LogHistogram& histogram, const QString& title, const QString& what);

QColor seriesColor(int index);

} // namespace ts::ui::latency
