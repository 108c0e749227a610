#include "cache/cache_panel.h"

#include "bridge/store_watcher.h"
#include "common/analysis_bar.h"
#include "common/read_note.h"
#include "cache/cache_analyzer.h"
#include "cache/cache_invalidator.h"
#include "cache/cache_overview.h"
#include "cache/invalidate_box.h"
#include "cache/provider_caching_view.h"
#include "cache/tuning_view.h"
#include "trace/store.h"

#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::cachepanel {

CachePanel::CachePanel(std::shared_ptr<TraceStore> store, QWidget* parent, std::int64_t traceCap)
    : QWidget(parent), analyzer_(new CacheAnalyzer(store, traceCap, this)), bar_(new AnalysisBar(u"Cache"_s, this)),
      overview_(new CacheOverview(this)), tabs_(new QTabWidget(this)),
      tuning_(new TuningView(this)), providers_(new ProviderCachingView(this)),
      invalidate_(new InvalidateBox(new CacheInvalidator(store->path(), this), this))
{
    tabs_->addTab(tuning_, u"Threshold tuning"_s);
    tabs_->addTab(providers_, u"Provider prompt caching"_s);
    tabs_->addTab(invalidate_, u"Invalidate"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(bar_);
    layout->addWidget(overview_);
    layout->addWidget(tabs_, 1);
    connectAnalyzer();
    connect(tuning_, &TuningView::pairChosen, this, [this](const ts::cache::TuningResult* tuning, const ts::cache::TuningPair* pair) {
        if (!tuning || !pair)
            return invalidate_->setChosenEntry({}, {});
        const auto& earlier = tuning->requests[pair->earlier];
        invalidate_->setChosenEntry(earlier.cacheKey, QString::fromStdString(earlier.prompt).simplified().left(80));
    });
    // The analysis is too heavy to redo on every commit: say that it is behind, and let the user refresh.
    connect(new StoreWatcher(store, this), &StoreWatcher::tracesChanged, this, [this] {
        if (analysis_ && !analyzing())
            bar_->setStatus(readNote(analysis_->tracesRead, analysis_->tracesInWorkspace) +
                            u" New traces have arrived since: Refresh to include them."_s);
    });
    connect(bar_, &AnalysisBar::cancelClicked, this, &CachePanel::cancel);
    connect(bar_, &AnalysisBar::refreshClicked, this, &CachePanel::refresh);
}

CachePanel::~CachePanel() = default;

void CachePanel::connectAnalyzer()
{
    connect(analyzer_, &CacheAnalyzer::progress, bar_, &AnalysisBar::setProgress);
    connect(analyzer_, &CacheAnalyzer::finished, this, &CachePanel::onFinished);
    connect(analyzer_, &CacheAnalyzer::cancelled, this, [this] {
        bar_->showDone(analysis_ ? bar_->status() : u"Cancelled. Refresh reads the traces again."_s);
    });
    connect(analyzer_, &CacheAnalyzer::failed, bar_, &AnalysisBar::showFailed);
}

void CachePanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!started_)
        refresh();
}

void CachePanel::refresh()
{
    started_ = true;
    bar_->showRunning(u"Reading traces…"_s);
    analyzer_->start();
}

void CachePanel::cancel() { analyzer_->cancel(); }

bool CachePanel::analyzing() const { return analyzer_->running(); }

QString CachePanel::statusText() const { return bar_->status(); }

void CachePanel::onFinished(std::shared_ptr<const CacheAnalysis> analysis)
{
    analysis_ = std::move(analysis);
    bar_->showDone(readNote(analysis_->tracesRead, analysis_->tracesInWorkspace));
    overview_->setReport(analysis_->report);
    providers_->setReport(analysis_->report);
    // The view keeps the tuning result alive as long as it shows pairs from it.
    tuning_->setTuning(std::shared_ptr<const ts::cache::TuningResult>(analysis_, &analysis_->tuning));
    QStringList models;
    for (const auto& p : analysis_->report.providers)
        if (!models.contains(QString::fromStdString(p.model)))
            models << QString::fromStdString(p.model);
    invalidate_->setModels(models);
    Q_EMIT analysisShown();
}

} // namespace ts::ui::cachepanel
