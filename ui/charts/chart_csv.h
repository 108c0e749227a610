#pragma once
#include "charts/chart_data.h"

#include <QString>

// The numbers behind a chart as CSV (a header row, then one row per day or x), for a spreadsheet.
namespace ts::ui::charts {

QString csvOf(const TimeSeries& data);
QString csvOf(const Bars& data);
QString csvOf(const XYCurves& data);

} // namespace ts::ui::charts
