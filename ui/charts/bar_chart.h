#pragma once
#include "charts/chart_data.h"
#include "charts/chart_frame.h"

namespace ts::ui::charts {

// Bars over named categories (Bars): grouped or stacked, horizontal or vertical; thresholds as
// dashed lines along the value axis.
class BarChart : public ChartFrame
{
    Q_OBJECT
public:
    explicit BarChart(QWidget* parent = nullptr);

    void setData(Bars data);
    const Bars& data() const { return data_; }
    QString csv() const override;

private:
    Bars data_;
};

} // namespace ts::ui::charts
