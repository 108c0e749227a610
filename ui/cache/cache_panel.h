#pragma once
#include "cache/cache_analyzer.h"

#include <QWidget>

#include <memory>

class QTabWidget;

namespace ts {
class TraceStore;
}

namespace ts::ui {
class AnalysisBar;
}

namespace ts::ui::cachepanel {

class CacheOverview;
class InvalidateBox;
class ProviderCachingView;
class TuningView;

// The Cache panel: hit rate and money saved by layer over time, provider prompt caching, the
// threshold tuning view and invalidation. The analysis runs on a worker when the panel is first
// shown (or on Refresh), with progress and Cancel; the panel stays usable meanwhile.
class CachePanel : public QWidget
{
    Q_OBJECT
public:
    explicit CachePanel(std::shared_ptr<TraceStore> store, QWidget* parent = nullptr,
                        std::int64_t traceCap = CacheAnalyzer::kDefaultCap);
    ~CachePanel() override;

    void refresh();
    void cancel();
    bool analyzing() const;
    // The analysis shown, once one has finished.
    std::shared_ptr<const CacheAnalysis> analysis() const { return analysis_; }
    // Finished, failed or cancelled: what the panel shows will not change by itself.
    bool settled() const { return !analyzing() && started_; }
    QString statusText() const;

    CacheOverview* overview() const { return overview_; }
    ProviderCachingView* providerCaching() const { return providers_; }
    TuningView* tuning() const { return tuning_; }
    InvalidateBox* invalidation() const { return invalidate_; }
    QTabWidget* tabs() const { return tabs_; }

Q_SIGNALS:
    void analysisShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void connectAnalyzer();
    void onFinished(std::shared_ptr<const CacheAnalysis> analysis);

    CacheAnalyzer* analyzer_;
    std::shared_ptr<const CacheAnalysis> analysis_;
    bool started_ = false;
    AnalysisBar* bar_;
    CacheOverview* overview_;
    QTabWidget* tabs_;
    TuningView* tuning_;
    ProviderCachingView* providers_;
    InvalidateBox* invalidate_;
};

} // namespace ts::ui::cachepanel
