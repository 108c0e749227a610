#include "charts/chart_axes.h"

#include <QValueAxis>

namespace ts::ui::charts {

namespace {

constexpr int kCeilingTicks = 5; // 0, 25, 50, 75, 100

} // namespace

QValueAxis* valueAxis(const Axis& axis, double top)
{
    auto* y = new QValueAxis;
    y->setTitleText(axis.title);
    y->setLabelFormat(axis.labelFormat);
    y->setRange(0, top > 0 ? top * 1.08 : 1.0);
    y->applyNiceNumbers();
    if (axis.ceiling > 0 && y->max() > axis.ceiling) {
        y->setRange(0, axis.ceiling);
        y->setTickCount(kCeilingTicks);
    }
    return y;
}

} // namespace ts::ui::charts
