#pragma once
#include "charts/chart_data.h"

class QValueAxis;

namespace ts::ui::charts {

// A value axis from 0 to a little above `top` on round numbers, never above the axis's ceiling.
QValueAxis* valueAxis(const Axis& axis, double top);

} // namespace ts::ui::charts
