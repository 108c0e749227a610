#pragma once
#include "guard/guard_analysis.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QTableWidget;

namespace ts::ui::charts {
class TimeSeriesChart;
}

namespace ts::ui::guardpanel {

// Findings by detector over time for one stage (input or output, chosen above the chart): findings
// per day stacked by type, and beside it each type's total split by the action taken.
class FindingsView : public QWidget
{
    Q_OBJECT
  public:
    enum Column { Type, Total, FirstAction };

    explicit FindingsView(QWidget* parent = nullptr);

    void setAnalysis(std::shared_ptr<const GuardAnalysis> analysis);
    void showMessage(const QString& text); // in place of the chart, before there is anything to show
    void setStage(Stage stage);
    Stage stage() const;
    QString summary() const;
    QComboBox* stageBox() const { return stageBox_; }
    charts::TimeSeriesChart* chart() const { return chart_; }
    QTableWidget* totals() const { return totals_; }

  private:
    void showStage();
    void fillTotals(const StageFindings& figures);
    void fitTotals();
    void setCell(int row, int column, const QString& text, bool number);

    std::shared_ptr<const GuardAnalysis> analysis_;
    QComboBox* stageBox_;
    QLabel* summary_;
    charts::TimeSeriesChart* chart_;
    QTableWidget* totals_;
};

} // namespace ts::ui::guardpanel
