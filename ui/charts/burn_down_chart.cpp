#include "charts/burn_down_chart.h"

#include "charts/chart_axes.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui::charts {

namespace {

constexpr qsizetype kMaxLabels = 8; // a month's days: every fourth or fifth, each readable

QCategoryAxis* stepAxis(const QStringList& labels)
{
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const qsizetype step = std::max<qsizetype>((labels.size() + kMaxLabels - 1) / kMaxLabels, 1);
    for (qsizetype i = 0; i < labels.size(); i += step)
        x->append(labels[i], static_cast<double>(i));
    x->setRange(-0.5, static_cast<double>(labels.size()) - 0.5);
    x->setGridLineVisible(false);
    return x;
}

double topOf(const BurnDown& data)
{
    double top = data.limit.value;
    for (double v : data.spent)
        top = std::max(top, v);
    for (double v : data.projected)
        top = std::max(top, v);
    return top;
}

QString number(double value) { return QString::number(value, 'g', 12); }

} // namespace

BurnDownChart::BurnDownChart(QWidget* parent) : ChartFrame(parent) {}

void BurnDownChart::setData(BurnDown data)
{
    data_ = std::move(data);
    clearChart();
    chart()->setTitle(data_.title);
    chart()->addAxis(stepAxis(data_.xLabels), Qt::AlignBottom);
    chart()->addAxis(valueAxis(data_.y, topOf(data_)), Qt::AlignLeft);
    if (data_.limit.value > 0)
        drawLine(data_.limit.name, QPen(data_.limit.color, 1.5, Qt::DashLine), 0,
                 QList<double>(data_.size(), data_.limit.value));
    const qsizetype today = data_.spent.size() - 1;
    if (today >= 0 && data_.projected.size() > today + 1) {
        QList<double> fromNow = data_.projected;
        fromNow[today] = data_.spent.back(); // the projection leaves from where the spend is now
        drawLine(u"Projected"_s, QPen(data_.projectionColor, 2, Qt::DashLine), today, fromNow);
    }
    drawLine(u"Spent"_s, QPen(data_.spentColor, 2.5), 0, data_.spent);
    if (data_.crossing >= 0) {
        auto* mark = new QScatterSeries;
        mark->setName(data_.crossingText);
        mark->setColor(data_.limit.color);
        mark->setBorderColor(data_.limit.color.darker());
        mark->setMarkerSize(11);
        mark->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
        mark->append(static_cast<double>(data_.crossing), data_.limit.value);
        chart()->addSeries(mark);
        mark->attachAxis(chart()->axes(Qt::Horizontal).front());
        mark->attachAxis(chart()->axes(Qt::Vertical).front());
    }
    showChart();
}

// `values` from index `from` on; a single step is a point, so a period's first hour still shows.
void BurnDownChart::drawLine(const QString& name, const QPen& pen, qsizetype from, const QList<double>& values)
{
    auto* line = new QLineSeries;
    line->setName(name);
    line->setPen(pen);
    for (qsizetype i = from; i < values.size() && i < data_.size(); ++i)
        line->append(static_cast<double>(i), values[i]);
    line->setPointsVisible(line->count() == 1);
    chart()->addSeries(line);
    line->attachAxis(chart()->axes(Qt::Horizontal).front());
    line->attachAxis(chart()->axes(Qt::Vertical).front());
}

QString BurnDownChart::csv() const
{
    QString out = u"step,spent,projected,limit\n"_s;
    for (qsizetype i = 0; i < data_.size(); ++i) {
        out += data_.xLabels[i] + u',' + (i < data_.spent.size() ? number(data_.spent[i]) : QString()) + u',' +
               (i < data_.projected.size() ? number(data_.projected[i]) : QString()) + u',' +
               (data_.limit.value > 0 ? number(data_.limit.value) : QString()) + u'\n';
    }
    return out;
}

} // namespace ts::ui::charts
