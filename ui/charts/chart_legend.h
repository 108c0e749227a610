#pragma once
#include <Qt>

namespace ts::ui::charts {

class ChartFrame;

// Moves a chart's legend; to the right, a long list of names (a stack of eight models) is read in
// full instead of elided along the bottom.
void setLegendAlignment(ChartFrame& frame, Qt::Alignment alignment);

} // namespace ts::ui::charts
