#pragma once
#include "guard/guard_analyzer.h"

#include <QTimer>
#include <QWidget>
#include <memory>

class QLabel;
class QTabWidget;

namespace ts {
class TraceStore;
}

namespace ts::ui {
class AnalysisBar;
class GatewayController;
} // namespace ts::ui

namespace ts::ui::guardpanel {

class BlockedTable;
class FindingsView;
class PolicyEditor;

// The Guardrails panel: findings by detector over time (input or output), the requests a guard
// blocked, and the guard policy's editor, under a plain note of what the guards do not catch.
// The analysis runs on a worker when the panel is first shown, on Refresh, and again (after a
// short pause) when the store reports new traces; progress and Cancel meanwhile, and a long read
// shows what it has added up so far.
class GuardPanel : public QWidget
{
    Q_OBJECT
  public:
    static constexpr int kRerunDelayMs = 1000;

    GuardPanel(std::shared_ptr<TraceStore> store, QString configPath, GatewayController* gateway,
               QWidget* parent = nullptr, std::int64_t traceCap = GuardAnalyzer::kDefaultCap);
    ~GuardPanel() override;

    void refresh();
    void cancel();
    bool analyzing() const;
    // Finished, failed or cancelled: what the panel shows will not change by itself.
    bool settled() const { return !analyzing() && started_; }
    std::shared_ptr<const GuardAnalysis> analysis() const { return analysis_; }
    QString statusText() const;
    QString coverageText() const;

    FindingsView* findings() const { return findings_; }
    BlockedTable* blocked() const { return blocked_; }
    PolicyEditor* policyEditor() const { return policy_; }
    QTabWidget* tabs() const { return tabs_; }

  Q_SIGNALS:
    void analysisShown();
    void openTrace(const QString& traceId);
    void policySaved(); // the config file changed on disk

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    QLabel* buildCoverageNote();
    void connectAnalyzer();
    void onTracesChanged();
    void onFinished(std::shared_ptr<const GuardAnalysis> analysis);
    void showAnalysis(const std::shared_ptr<const GuardAnalysis>& analysis);

    GuardAnalyzer* analyzer_;
    std::shared_ptr<const GuardAnalysis> analysis_;
    bool started_ = false;
    bool cancelled_ = false;    // the user stopped it: new traces wait for Refresh
    bool rerunPending_ = false; // traces arrived while a read was running
    QTimer rerun_;
    AnalysisBar* bar_;
    QLabel* coverage_;
    QTabWidget* tabs_;
    FindingsView* findings_;
    BlockedTable* blocked_;
    PolicyEditor* policy_;
};

} // namespace ts::ui::guardpanel
