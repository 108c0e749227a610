#pragma once
#include "charts/chart_data.h"

// What a budget burn-down draws, in plain Qt value types (see chart_data.h).
namespace ts::ui::charts {

// Cumulative spend over a budget period against its limit: the spend so far as a solid line, where
// it is heading as a dashed line from the last elapsed step to the period's end, and the limit.
struct BurnDown
{
    QString title;
    Axis y;
    QStringList xLabels;    // one per step of the period (its days, or the hours of a day)
    QList<double> spent;    // cumulative at the end of each elapsed step; the last one is "so far"
    QList<double> projected; // cumulative, one per step; drawn from the last elapsed step on
    Threshold limit;        // value 0: no limit to draw
    QColor spentColor, projectionColor;
    qsizetype crossing = -1; // the step where spend or projection passes the limit, marked; -1: none
    QString crossingText;

    qsizetype size() const { return xLabels.size(); }
};

} // namespace ts::ui::charts
