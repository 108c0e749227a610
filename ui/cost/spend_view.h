#pragma once
#include "cost/cost_analysis.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QTableView;

namespace ts::ui::charts {
class TimeSeriesChart;
}

namespace ts::ui::costpanel {

class CostGroupModel;

// Where the money goes: a "Group by" chooser, spend per day (or hour) stacked by the dearest groups,
// and every group's figures in a sortable table.
class SpendView : public QWidget
{
    Q_OBJECT
public:
    explicit SpendView(QWidget* parent = nullptr);

    analytics::Dimension dimension() const;
    void setDimension(analytics::Dimension dimension);
    void setAnalysis(std::shared_ptr<const CostAnalysis> analysis);
    void showMessage(const QString& text);

    QComboBox* groupBy() const { return groupBy_; }
    charts::TimeSeriesChart* chart() const { return chart_; }
    CostGroupModel* groups() const { return model_; }
    QTableView* table() const { return table_; }
    QString note() const;

Q_SIGNALS:
    void dimensionChanged();

private:
    QComboBox* groupBy_;
    charts::TimeSeriesChart* chart_;
    QLabel* note_;
    CostGroupModel* model_;
    QTableView* table_;
};

} // namespace ts::ui::costpanel
