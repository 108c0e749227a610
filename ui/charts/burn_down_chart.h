#pragma once
#include "charts/burn_down_data.h"
#include "charts/chart_frame.h"

namespace ts::ui::charts {

// A budget burn-down (BurnDown): spend so far, its projection to the period's end, the limit, and a
// marker where the limit is passed.
class BurnDownChart : public ChartFrame
{
    Q_OBJECT
public:
    explicit BurnDownChart(QWidget* parent = nullptr);

    void setData(BurnDown data);
    const BurnDown& data() const { return data_; }
    // step, spent (blank after today), projected, limit
    QString csv() const override;

private:
    void drawLine(const QString& name, const QPen& pen, qsizetype from, const QList<double>& values);

    BurnDown data_;
};

} // namespace ts::ui::charts
