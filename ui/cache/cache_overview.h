#pragma once
#include "cache/cache_report.h"

#include <QWidget>

class QLabel;

namespace ts::ui::charts {
class TimeSeriesChart;
}

namespace ts::ui::cachepanel {

// The top of the Cache panel: each layer's figures in a line, and hit rate and money saved per day.
class CacheOverview : public QWidget
{
    Q_OBJECT
public:
    explicit CacheOverview(QWidget* parent = nullptr);

    void setReport(const ts::cache::CacheReport& report);
    QString layerText(ts::cache::CacheLayer layer) const;
    QString note() const;
    charts::TimeSeriesChart* hitRateChart() const { return hitRate_; }
    charts::TimeSeriesChart* savingChart() const { return saving_; }

private:
    QList<QLabel*> layers_;
    QLabel* note_;
    charts::TimeSeriesChart* hitRate_;
    charts::TimeSeriesChart* saving_;
};

} // namespace ts::ui::cachepanel
