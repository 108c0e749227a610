#pragma once
#include "charts/chart_data.h"
#include "replay/repricer.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ts::ui::charts {
class BarChart;
}

namespace ts::ui::replaypanel {

// One re-pricing: a row per alternative (the calls as recorded first) with its cost and change,
// the costs side by side as bars, and what could not be applied.
class RepriceView : public QWidget
{
    Q_OBJECT
public:
    enum Column { Name, Calls, Cost, Change, CachedInput, ColumnCount };

    explicit RepriceView(QWidget* parent = nullptr);

    void setReport(const replay::RepriceReport& report);
    void clear(const QString& why);

    QTableWidget* table() const { return table_; }
    charts::BarChart* chart() const { return chart_; }
    QLabel* notes() const { return notes_; }

private:
    QLabel* summary_;
    QTableWidget* table_;
    charts::BarChart* chart_;
    QLabel* notes_;
};

// The costs as horizontal bars, the calls as recorded first.
charts::Bars costBars(const replay::RepriceReport& report);

} // namespace ts::ui::replaypanel
