#pragma once
#include "charts/burn_down_data.h"
#include "charts/chart_data.h"
#include "cost/cost_analysis.h"

// The Cost panel's analysis as chart data.
namespace ts::ui::costpanel {

inline constexpr int kChartGroups = 8; // the rest stack as "Other"

// The colour of the group ranked `rank` by spend (0: the dearest); Other's grey past kChartGroups.
QColor groupColor(int rank);
QString otherName();
// Spend per day (per hour for an hourly analysis), stacked by the kChartGroups dearest groups and Other.
charts::TimeSeries spendSeries(const CostAnalysis& analysis);
// The budget's cumulative spend by day of its month (hour of its day), the projection and the limit.
charts::BurnDown burnDown(const BudgetStanding& standing);

} // namespace ts::ui::costpanel
