#pragma once
#include "charts/chart_data.h"
#include "charts/chart_frame.h"

class QLineSeries;
class QValueAxis;

namespace ts::ui::charts {

// Two curves over one x axis with a vertical marker at a chosen x; clicking or dragging on the plot
// moves the marker and reports where (markerMoved), so a view can follow it.
class XYCurveChart : public ChartFrame
{
    Q_OBJECT
public:
    explicit XYCurveChart(QWidget* parent = nullptr);

    void setData(XYCurves data);
    const XYCurves& data() const { return data_; }
    void setMarker(double x);
    double marker() const { return marker_; }
    QString csv() const override;

Q_SIGNALS:
    void markerMoved(double x);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLineSeries* addCurve(const Curve& curve, QValueAxis* x, QValueAxis* y);
    void placeMarker();

    XYCurves data_;
    double marker_ = 0;
    QLineSeries* markerLine_ = nullptr;
    QValueAxis* xAxis_ = nullptr;
    QValueAxis* leftAxis_ = nullptr;
    QLineSeries* leftSeries_ = nullptr;
};

} // namespace ts::ui::charts
