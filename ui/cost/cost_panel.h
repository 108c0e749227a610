#pragma once
#include "cost/cost_analysis.h"

#include <QString>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>

class QTableView;

namespace ts {
class TraceStore;
}

namespace ts::ui {
class AnalysisBar;
class LiveAnalyzer;
class LiveFilter;
class LiveFilterBar;
class LiveRefresh;
} // namespace ts::ui

namespace ts::ui::costpanel {

class BudgetView;
class CostHeadline;
class SpendView;
class TopTracesModel;

// The Cost panel: where the money goes (by model, provider, route, tag, user or source, per day),
// whether it stays within budget (a burn-down with its projection to the period's end), and the
// dearest traces. It reads hourly rollups and one page of traces in one job on a worker whenever
// LiveRefresh says so (first shown, the shared filter changed, new traces while visible).
class CostPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kBusyDelayMs = 400; // a quick live re-read does not flash the progress bar

    CostPanel(std::shared_ptr<TraceStore> store, LiveFilter* filter, QString gatewayConfigPath,
              QWidget* parent = nullptr);
    ~CostPanel() override;

    void refresh();
    void cancel();
    // The time the panel counts from (the range, the month); the wall clock unless a test sets one.
    void setClock(std::function<Nanos()> clock);

    bool analyzing() const;
    // Finished, failed or cancelled at least once, and not reading now.
    bool settled() const { return ended_ && !analyzing(); }
    std::shared_ptr<const CostAnalysis> analysis() const { return analysis_; }
    QString statusText() const;

    LiveFilterBar* filterBar() const { return filterBar_; }
    CostHeadline* headline() const { return headline_; }
    SpendView* spend() const { return spend_; }
    BudgetView* budget() const { return budget_; }
    TopTracesModel* topTraces() const { return topModel_; }
    QTableView* topTracesView() const { return topView_; }

Q_SIGNALS:
    void analysisShown();
    void openTrace(const QString& traceId);

private:
    QWidget* buildBody();
    void connectReads();
    void loadBudgets();
    CostRequest request() const;
    QString rangeText(const CostRequest& request) const;
    void onFinished(std::shared_ptr<const CostAnalysis> analysis, qint64 elapsedMs);
    void onEnded();

    std::shared_ptr<TraceStore> store_;
    LiveFilter* filter_;
    QString configPath_;
    qint64 configStamp_ = -1; // the config file's modification time when last read
    std::function<Nanos()> clock_;
    LiveAnalyzer* analyzer_;
    LiveRefresh* live_;
    std::shared_ptr<const CostAnalysis> analysis_;
    bool ended_ = false;
    QTimer busyDelay_;
    AnalysisBar* bar_;
    LiveFilterBar* filterBar_;
    CostHeadline* headline_;
    SpendView* spend_;
    BudgetView* budget_;
    TopTracesModel* topModel_;
    QTableView* topView_;
};

} // namespace ts::ui::costpanel
