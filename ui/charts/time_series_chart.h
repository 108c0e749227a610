#pragma once
#include "charts/chart_data.h"
#include "charts/chart_frame.h"

namespace ts::ui::charts {

// Values per day (or per labelled x position): lines (rates) or stacked bars (amounts that add up),
// one series per name; dashed threshold lines and alarm markers on top.
class TimeSeriesChart : public ChartFrame
{
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget* parent = nullptr);

    void setData(TimeSeries data);
    const TimeSeries& data() const { return data_; }
    QString csv() const override;

private:
    void drawLines();
    void drawBars();
    void drawThresholds();
    void drawAlarms();

    TimeSeries data_;
};

} // namespace ts::ui::charts
