#pragma once
#include <QColor>
#include <QDate>
#include <QList>
#include <QPointF>
#include <QString>

// What the charts draw, in plain Qt value types: panels fill these and never see the chart library,
// so replacing QtCharts (deprecated upstream from Qt 6.10) touches ui/charts alone.
namespace ts::ui::charts {

// A y axis: its title and how a value reads on it ("%.0f%%", "$%.2f": printf style, as QtCharts takes).
struct Axis
{
    QString title;
    QString labelFormat = QStringLiteral("%g");
    double ceiling = 0; // the axis never reaches above it (100 for a percentage); 0: no ceiling
};

struct DaySeries
{
    QString name;
    QColor color;
    QList<double> values; // one per day of the chart
};

struct TimeSeries
{
    enum class Style { Lines, StackedBars };
    Style style = Style::Lines;
    QString title;
    Axis y;
    QList<QDate> days;
    QList<DaySeries> series;
};

struct Curve
{
    QString name;
    QColor color;
    QList<QPointF> points;
};

// Two curves over one x axis, each on its own y axis (left and right).
struct XYCurves
{
    QString title;
    QString xTitle;
    Axis left;
    Curve leftCurve;
    Axis right;
    Curve rightCurve;
};

} // namespace ts::ui::charts
