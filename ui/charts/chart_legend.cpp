#include "charts/chart_legend.h"

#include "charts/chart_frame.h"

#include <QChart>
#include <QChartView>
#include <QLegend>

namespace ts::ui::charts {

void setLegendAlignment(ChartFrame& frame, Qt::Alignment alignment)
{
    // The frame keeps its view to itself; the view is its child, and the legend outlives setData().
    if (auto* view = frame.findChild<QChartView*>())
        view->chart()->legend()->setAlignment(alignment);
}

} // namespace ts::ui::charts
