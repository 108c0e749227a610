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

// A horizontal line across a chart: a target the user set (an SLO), a budget.
struct Threshold
{
    QString name;
    QColor color;
    double value = 0;
};

// A marker at one x position of a time series (an alarm), with what it says on hover.
struct Alarm
{
    qsizetype index = 0;
    QString text;
};

struct TimeSeries
{
    enum class Style { Lines, StackedBars };
    Style style = Style::Lines;
    QString title;
    Axis y;
    QList<QDate> days;
    // When set, the x positions (hours, say) and their labels instead of days; CSV writes them as given.
    QStringList xLabels;
    QList<DaySeries> series; // one value per x position
    QList<Threshold> thresholds;
    QList<Alarm> alarms;

    qsizetype size() const { return xLabels.isEmpty() ? days.size() : xLabels.size(); }
};

// Bars over named categories: one series per colour, side by side or stacked; horizontal reads
// better when categories are names (models), vertical when they are ranges (a histogram).
struct Bars
{
    QString title;
    Axis value;
    QStringList categories;
    QList<DaySeries> series; // one value per category
    bool stacked = false;
    bool horizontal = false;
    QList<Threshold> thresholds;
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
