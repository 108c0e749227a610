#pragma once
#include "cost/cost_analysis.h"
#include "gateway/budget_ledger.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace ts::ui::charts {
class BurnDownChart;
}

namespace ts::ui::costpanel {

// The budget burn-down: a chooser of the gateway config's budgets and a monthly budget for all
// traffic that the user types (kept in the settings), its chart, and a sentence on where it heads.
class BudgetView : public QWidget
{
    Q_OBJECT
public:
    explicit BudgetView(QWidget* parent = nullptr);

    // The gateway config's budgets; the chosen one stays chosen if it is still there. `problem`: why
    // the config could not be read ("" when it could, or when there is none).
    void setBudgets(const std::vector<Budget>& budgets, const QString& problem);
    BudgetChoice choice() const;
    void setStanding(const BudgetStanding& standing);
    void showMessage(const QString& text);

    QString sentence() const;
    QComboBox* chooser() const { return chooser_; }
    QDoubleSpinBox* monthlyLimit() const { return limit_; }
    charts::BurnDownChart* chart() const { return chart_; }

Q_SIGNALS:
    void choiceChanged();

private:
    void onChosen();
    void onLimitEdited();

    std::vector<BudgetChoice> choices_; // [0]: the typed monthly budget
    QComboBox* chooser_;
    QDoubleSpinBox* limit_;
    QLabel* note_;
    charts::BurnDownChart* chart_;
    QLabel* sentence_;
};

} // namespace ts::ui::costpanel
