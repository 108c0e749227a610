#include "charts/xy_curve_chart.h"

#include "charts/chart_axes.h"
#include "charts/chart_csv.h"

#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui::charts {

namespace {

double highest(const QList<QPointF>& points)
{
    double top = 0;
    for (const QPointF& p : points)
        top = std::max(top, p.y());
    return top;
}

} // namespace

XYCurveChart::XYCurveChart(QWidget* parent) : ChartFrame(parent)
{
    view()->viewport()->installEventFilter(this);
    view()->viewport()->setCursor(Qt::SizeHorCursor);
}

QString XYCurveChart::csv() const { return csvOf(data_); }

void XYCurveChart::setData(XYCurves data)
{
    data_ = std::move(data);
    clearChart();
    chart()->setTitle(data_.title);
    xAxis_ = new QValueAxis;
    xAxis_->setTitleText(data_.xTitle);
    xAxis_->setLabelFormat(u"%.2f"_s);
    if (!data_.leftCurve.points.isEmpty())
        xAxis_->setRange(data_.leftCurve.points.front().x(), data_.leftCurve.points.back().x());
    xAxis_->setTickCount(6);
    chart()->addAxis(xAxis_, Qt::AlignBottom);
    leftAxis_ = valueAxis(data_.left, highest(data_.leftCurve.points));
    chart()->addAxis(leftAxis_, Qt::AlignLeft);
    QValueAxis* right = valueAxis(data_.right, highest(data_.rightCurve.points));
    chart()->addAxis(right, Qt::AlignRight);
    leftSeries_ = addCurve(data_.leftCurve, xAxis_, leftAxis_);
    addCurve(data_.rightCurve, xAxis_, right);
    markerLine_ = new QLineSeries;
    markerLine_->setPen(QPen(QColor(0x55, 0x55, 0x55), 1.5, Qt::DashLine));
    chart()->addSeries(markerLine_);
    markerLine_->attachAxis(xAxis_);
    markerLine_->attachAxis(leftAxis_);
    for (QLegendMarker* m : chart()->legend()->markers(markerLine_))
        m->setVisible(false);
    placeMarker();
    showChart();
}

QLineSeries* XYCurveChart::addCurve(const Curve& curve, QValueAxis* x, QValueAxis* y)
{
    auto* line = new QLineSeries;
    line->setName(curve.name);
    line->setPen(QPen(curve.color, 2.5));
    line->append(curve.points);
    chart()->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    return line;
}

void XYCurveChart::setMarker(double x)
{
    marker_ = x;
    placeMarker();
}

void XYCurveChart::placeMarker()
{
    if (!markerLine_)
        return;
    markerLine_->replace(QList<QPointF>{{marker_, leftAxis_->min()}, {marker_, leftAxis_->max()}});
}

bool XYCurveChart::eventFilter(QObject* watched, QEvent* event)
{
    const bool press = event->type() == QEvent::MouseButtonPress;
    const bool drag = event->type() == QEvent::MouseMove;
    if (watched != view()->viewport() || !leftSeries_ || !(press || drag))
        return ChartFrame::eventFilter(watched, event);
    auto* mouse = static_cast<QMouseEvent*>(event);
    if (!(mouse->buttons() & Qt::LeftButton))
        return ChartFrame::eventFilter(watched, event);
    const QPointF scene = view()->mapToScene(mouse->position().toPoint());
    const double x = chart()->mapToValue(chart()->mapFromScene(scene), leftSeries_).x();
    setMarker(std::clamp(x, xAxis_->min(), xAxis_->max()));
    Q_EMIT markerMoved(marker_);
    return true;
}

} // namespace ts::ui::charts
