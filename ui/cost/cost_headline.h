#pragma once
#include "cost/cost_analysis.h"

#include <QWidget>

class QLabel;

namespace ts::ui::costpanel {

// The figures a reader wants first: spend in the range, requests, cost per thousand requests,
// cache savings and their share of spend, and where this month's spend is heading.
class CostHeadline : public QWidget
{
    Q_OBJECT
public:
    enum Figure { Spend, Requests, PerThousand, CacheSaved, MonthEnd, FigureCount };

    explicit CostHeadline(QWidget* parent = nullptr);

    void setAnalysis(const CostAnalysis& analysis, const QString& rangeLabel);
    QString value(Figure figure) const;
    QString detail(Figure figure) const;

private:
    void set(Figure figure, const QString& value, const QString& detail);

    QList<QLabel*> values_, details_;
};

} // namespace ts::ui::costpanel
