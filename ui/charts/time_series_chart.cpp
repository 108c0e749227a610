#include "charts/time_series_chart.h"

#include "charts/chart_axes.h"
#include "charts/chart_csv.h"

#include <QBarSet>
#include <QChart>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui::charts {

namespace {

// At most this many day labels, so each has room to be read; the others are skipped evenly.
constexpr qsizetype kMaxDayLabels = 6;

// Days sit at x = 0, 1, 2, ... for lines and bars alike, labelled on their own position.
QCategoryAxis* dayAxis(const QList<QDate>& days)
{
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const qsizetype step = (days.size() + kMaxDayLabels - 1) / kMaxDayLabels;
    for (qsizetype d = 0; d < days.size(); d += std::max<qsizetype>(step, 1))
        x->append(days[d].toString(u"MMM d"_s), static_cast<double>(d));
    x->setRange(-0.5, static_cast<double>(days.size()) - 0.5);
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
    showChart();
}

void TimeSeriesChart::drawLines()
{
    QCategoryAxis* x = dayAxis(data_.days);
    chart()->addAxis(x, Qt::AlignBottom);
    double maximum = 0;
    QList<QLineSeries*> lines;
    for (const DaySeries& s : data_.series) {
        auto* line = new QLineSeries;
        line->setName(s.name);
        line->setColor(s.color);
        line->setPointsVisible(data_.days.size() < 40);
        for (qsizetype d = 0; d < data_.days.size() && d < s.values.size(); ++d) {
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
    QList<double> totals(data_.days.size(), 0.0);
    for (const DaySeries& s : data_.series) {
        auto* set = new QBarSet(s.name);
        set->setColor(s.color);
        set->setBorderColor(s.color);
        for (qsizetype d = 0; d < data_.days.size(); ++d) {
            const double v = d < s.values.size() ? s.values[d] : 0.0;
            set->append(v);
            totals[d] += v;
        }
        bars->append(set);
    }
    chart()->addSeries(bars);
    bars->setBarWidth(0.6);
    QCategoryAxis* x = dayAxis(data_.days);
    chart()->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    QValueAxis* y = valueAxis(data_.y, totals.isEmpty() ? 0.0 : *std::max_element(totals.begin(), totals.end()));
    chart()->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
}

} // namespace ts::ui::charts
