#include "charts/bar_chart.h"

#include "charts/chart_axes.h"
#include "charts/chart_csv.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QBarSeries>
#include <QStackedBarSeries>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace ts::ui::charts {

namespace {

QAbstractBarSeries* seriesFor(const Bars& data)
{
    if (data.horizontal)
        return data.stacked ? static_cast<QAbstractBarSeries*>(new QHorizontalStackedBarSeries)
                            : new QHorizontalBarSeries;
    return data.stacked ? static_cast<QAbstractBarSeries*>(new QStackedBarSeries) : new QBarSeries;
}

double topOf(const Bars& data)
{
    double top = 0;
    for (qsizetype c = 0; c < data.categories.size(); ++c) {
        double stack = 0;
        for (const DaySeries& s : data.series) {
            const double v = c < s.values.size() ? s.values[c] : 0.0;
            stack = data.stacked ? stack + v : std::max(stack, v);
        }
        top = std::max(top, stack);
    }
    for (const Threshold& t : data.thresholds)
        top = std::max(top, t.value);
    return top;
}

} // namespace

BarChart::BarChart(QWidget* parent) : ChartFrame(parent) {}

QString BarChart::csv() const { return csvOf(data_); }

void BarChart::setData(Bars data)
{
    data_ = std::move(data);
    clearChart();
    chart()->setTitle(data_.title);
    QAbstractBarSeries* bars = seriesFor(data_);
    for (const DaySeries& s : data_.series) {
        auto* set = new QBarSet(s.name);
        set->setColor(s.color);
        set->setBorderColor(s.color);
        for (qsizetype c = 0; c < data_.categories.size(); ++c)
            set->append(c < s.values.size() ? s.values[c] : 0.0);
        bars->append(set);
    }
    chart()->addSeries(bars);
    bars->setBarWidth(data_.stacked || data_.series.size() <= 1 ? 0.7 : 0.8);
    auto* categories = new QBarCategoryAxis;
    categories->append(data_.categories);
    categories->setGridLineVisible(false);
    QValueAxis* values = valueAxis(data_.value, topOf(data_));
    chart()->addAxis(categories, data_.horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart()->addAxis(values, data_.horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    bars->attachAxis(categories);
    bars->attachAxis(values);
    if (data_.horizontal) // the first category on top, as a table lists it
        categories->setReverse(true);
    for (const Threshold& t : data_.thresholds) {
        auto* line = new QLineSeries;
        line->setName(t.name);
        line->setPen(QPen(t.color, 1.5, Qt::DashLine));
        // Drawn on a hidden 0..1 axis across the categories.
        auto* across = new QValueAxis;
        across->setRange(0, 1);
        across->setVisible(false);
        chart()->addAxis(across, data_.horizontal ? Qt::AlignLeft : Qt::AlignBottom);
        if (data_.horizontal) {
            line->append(t.value, 0);
            line->append(t.value, 1);
        } else {
            line->append(0, t.value);
            line->append(1, t.value);
        }
        chart()->addSeries(line);
        line->attachAxis(across);
        line->attachAxis(values);
    }
    showChart();
}

} // namespace ts::ui::charts
