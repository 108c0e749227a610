#pragma once
#include "replay/repricer.h"

#include <QTimer>
#include <QWidget>
#include <memory>

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

namespace ts::ui::replaypanel {

class AlternativesEditor;
class RepriceView;

// The Replay panel: what the traffic the shared filter selects would have cost under other choices
// (another model, the batch API, prompt caching), priced offline from each call's recorded usage.
// It re-prices on a worker whenever the alternatives, the filter or the workspace change.
class ReplayPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kBusyDelayMs = 400;

    ReplayPanel(std::shared_ptr<TraceStore> store, LiveFilter* filter, QWidget* parent = nullptr);
    ~ReplayPanel() override;

    void refresh();
    void cancel();
    bool analyzing() const;
    bool settled() const { return ended_ && !analyzing(); }
    std::shared_ptr<const replay::RepriceReport> report() const { return report_; }
    QString statusText() const;

    AlternativesEditor* editor() const { return editor_; }
    RepriceView* view() const { return view_; }

Q_SIGNALS:
    void reportShown();

private:
    void onFinished(std::shared_ptr<const replay::RepriceReport> report, qint64 elapsedMs);
    void onEnded();

    std::shared_ptr<TraceStore> store_;
    LiveFilter* filter_;
    LiveAnalyzer* analyzer_;
    LiveRefresh* live_;
    AnalysisBar* bar_;
    LiveFilterBar* filterBar_;
    AlternativesEditor* editor_;
    RepriceView* view_;
    QTimer busyDelay_;
    std::shared_ptr<const replay::RepriceReport> report_;
    bool ended_ = false;
};

} // namespace ts::ui::replaypanel
