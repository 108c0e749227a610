#include "charts/time_series_chart.h"

#include "charts/chart_axes.h"
#include "charts/chart_csv.h"

#include <QBarSet>
#include <QChart>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui::charts {

namespace {

// At most this many day labels, so each has room to be read; the others are skipped evenly.
constexpr qsizetype kMaxDayLabels = 6;

QStringList xLabelsOf(const TimeSeries& data)
{
    if (!data.xLabels.isEmpty())
        return data.xLabels;
    QStringList labels;
    for (const QDate& day : data.days)
        labels << day.toString(u"MMM d"_s);
    return labels;
}

// Points sit at x = 0, 1, 2, ... for lines and bars alike, labelled on their own position.
QCategoryAxis* xAxisOf(const TimeSeries& data)
{
    const QStringList labels = xLabelsOf(data);
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const qsizetype step = (labels.size() + kMaxDayLabels - 1) / kMaxDayLabels;
    for (qsizetype d = 0; d < labels.size(); d += std::max<qsizetype>(step, 1))
        x->append(labels[d], static_cast<double>(d));
    x->setRange(-0.5, static_cast<double>(labels.size()) - 0.5);
    x->setGridLineVisible(false);
    return x;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget* parent) : ChartFrame(parent) {}

QString TimeSeriesChart::csv() const { return csvOf(data_); }

void TimeSeriesChart::setData(TimeSeries data)
{
    data_ = std::move(data);
    clearChart();
    chart()->setTitle(data_.title);
    if (data_.style == TimeSeries::Style::Lines)
        drawLines();
    else
        drawBars();
    drawThresholds();
    drawAlarms();
    showChart();
}

void TimeSeriesChart::drawLines()
{
    QCategoryAxis* x = xAxisOf(data_);
    chart()->addAxis(x, Qt::AlignBottom);
    double maximum = 0;
    for (const Threshold& t : data_.thresholds)
        maximum = std::max(maximum, t.value);
    QList<QLineSeries*> lines;
    for (const DaySeries& s : data_.series) {
        auto* line = new QLineSeries;
        line->setName(s.name);
        line->setColor(s.color);
        line->setPointsVisible(data_.size() < 40);
        for (qsizetype d = 0; d < data_.size() && d < s.values.size(); ++d) {
            line->append(static_cast<double>(d), s.values[d]);
            maximum = std::max(maximum, s.values[d]);
        }
        chart()->addSeries(line);
        line->attachAxis(x);
        lines << line;
    }
    QValueAxis* y = valueAxis(data_.y, maximum);
    chart()->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* line : lines)
        line->attachAxis(y);
}

void TimeSeriesChart::drawBars()
{
    auto* bars = new QStackedBarSeries;
    QList<double> totals(data_.size(), 0.0);
    for (const DaySeries& s : data_.series) {
        auto* set = new QBarSet(s.name);
        set->setColor(s.color);
        set->setBorderColor(s.color);
        for (qsizetype d = 0; d < data_.size(); ++d) {
            const double v = d < s.values.size() ? s.values[d] : 0.0;
            set->append(v);
            totals[d] += v;
        }
        bars->append(set);
    }
    chart()->addSeries(bars);
    bars->setBarWidth(0.6);
    QCategoryAxis* x = xAxisOf(data_);
    chart()->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    double top = totals.isEmpty() ? 0.0 : *std::max_element(totals.begin(), totals.end());
    for (const Threshold& t : data_.thresholds)
        top = std::max(top, t.value);
    QValueAxis* y = valueAxis(data_.y, top);
    chart()->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
}

// Dashed horizontal lines on the chart's own axes, named in the legend.
void TimeSeriesChart::drawThresholds()
{
    const auto xs = chart()->axes(Qt::Horizontal);
    const auto ys = chart()->axes(Qt::Vertical);
    if (xs.isEmpty() || ys.isEmpty())
        return;
    for (const Threshold& t : data_.thresholds) {
        auto* line = new QLineSeries;
        line->setName(t.name);
        QPen pen(t.color, 1.5, Qt::DashLine);
        line->setPen(pen);
        line->append(-0.5, t.value);
        line->append(static_cast<double>(data_.size()) - 0.5, t.value);
        chart()->addSeries(line);
        line->attachAxis(xs.front());
        line->attachAxis(ys.front());
    }
}

// Alarms: red points on the first series' values (or at the top when there is none), one legend entry.
void TimeSeriesChart::drawAlarms()
{
    const auto xs = chart()->axes(Qt::Horizontal);
    const auto ys = chart()->axes(Qt::Vertical);
    if (data_.alarms.isEmpty() || xs.isEmpty() || ys.isEmpty())
        return;
    auto* points = new QScatterSeries;
    points->setName(u"Alarm"_s);
    points->setColor(QColor(u"#d62728"_s));
    points->setBorderColor(QColor(u"#7f0000"_s));
    points->setMarkerSize(11);
    points->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    const auto* y = qobject_cast<QValueAxis*>(ys.front());
    for (const Alarm& alarm : data_.alarms) {
        double value = y ? y->max() * 0.96 : 0.0;
        if (!data_.series.isEmpty() && alarm.index < data_.series.front().values.size() &&
            data_.style == TimeSeries::Style::Lines)
            value = data_.series.front().values[alarm.index];
        points->append(static_cast<double>(alarm.index), value);
    }
    chart()->addSeries(points);
    points->attachAxis(xs.front());
    points->attachAxis(ys.front());
}

} // namespace ts::ui::charts
