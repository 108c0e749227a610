#include "cache/cache_panel.h"

#include "bridge/store_watcher.h"
#include "cache/cache_analyzer.h"
#include "cache/cache_invalidator.h"
#include "cache/cache_overview.h"
#include "cache/cache_text.h"
#include "cache/invalidate_box.h"
#include "cache/provider_caching_view.h"
#include "cache/tuning_view.h"
#include "trace/store.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::cachepanel {

CachePanel::CachePanel(std::shared_ptr<TraceStore> store, QWidget* parent, std::int64_t traceCap)
    : QWidget(parent), analyzer_(new CacheAnalyzer(store, traceCap, this)), status_(new QLabel(this)),
      progress_(new QProgressBar(this)), cancel_(new QPushButton(u"Cancel"_s, this)),
      refresh_(new QPushButton(u"Refresh"_s, this)), overview_(new CacheOverview(this)), tabs_(new QTabWidget(this)),
      tuning_(new TuningView(this)), providers_(new ProviderCachingView(this)),
      invalidate_(new InvalidateBox(new CacheInvalidator(store->path(), this), this))
{
    tabs_->addTab(tuning_, u"Threshold tuning"_s);
    tabs_->addTab(providers_, u"Provider prompt caching"_s);
    tabs_->addTab(invalidate_, u"Invalidate"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(buildTopBar());
    layout->addWidget(overview_);
    layout->addWidget(tabs_, 1);
    connect(analyzer_, &CacheAnalyzer::progress, this, &CachePanel::onProgress);
    connect(analyzer_, &CacheAnalyzer::finished, this, &CachePanel::onFinished);
    connect(analyzer_, &CacheAnalyzer::cancelled, this, [this] {
        setBusy(false);
        status_->setText(analysis_ ? status_->text() : u"Cancelled. Refresh reads the traces again."_s);
    });
    connect(analyzer_, &CacheAnalyzer::failed, this, [this](const QString& reason) {
        setBusy(false);
        status_->setText(u"The workspace could not be read: "_s + reason);
    });
    connect(tuning_, &TuningView::pairChosen, this, [this](const ts::cache::TuningResult* tuning, const ts::cache::TuningPair* pair) {
        if (!tuning || !pair)
            return invalidate_->setChosenEntry({}, {});
        const auto& earlier = tuning->requests[pair->earlier];
        invalidate_->setChosenEntry(earlier.cacheKey, QString::fromStdString(earlier.prompt).simplified().left(80));
    });
    // The analysis is too heavy to redo on every commit: say that it is behind, and let the user refresh.
    connect(new StoreWatcher(store, this), &StoreWatcher::tracesChanged, this, [this] {
        if (analysis_ && !analyzing())
            status_->setText(text::readNote(analysis_->tracesRead, analysis_->tracesInWorkspace) +
                             u" New traces have arrived since: Refresh to include them."_s);
    });
    connect(cancel_, &QPushButton::clicked, this, &CachePanel::cancel);
    connect(refresh_, &QPushButton::clicked, this, &CachePanel::refresh);
    setBusy(false);
}

CachePanel::~CachePanel() = default;

QWidget* CachePanel::buildTopBar()
{
    auto* bar = new QWidget(this);
    auto* title = new QLabel(u"Cache"_s, bar);
    title->setStyleSheet(u"font-size: 16px; font-weight: 600;"_s);
    progress_->setMaximumWidth(220);
    progress_->setTextVisible(false);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addSpacing(12);
    layout->addWidget(status_, 1);
    layout->addWidget(progress_);
    layout->addWidget(cancel_);
    layout->addWidget(refresh_);
    return bar;
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
    setBusy(true);
    status_->setText(u"Reading traces…"_s);
    analyzer_->start();
}

void CachePanel::cancel() { analyzer_->cancel(); }

bool CachePanel::analyzing() const { return analyzer_->running(); }

QString CachePanel::statusText() const { return status_->text(); }

void CachePanel::setBusy(bool busy)
{
    progress_->setVisible(busy);
    cancel_->setVisible(busy);
    refresh_->setEnabled(!busy);
    if (busy)
        progress_->setRange(0, 0); // busy until the first figure arrives
}

void CachePanel::onProgress(const QString& stage, int done, int total)
{
    progress_->setRange(0, total);
    progress_->setValue(done);
    status_->setText(stage + u"… "_s + QString::number(done) + u" of "_s + QString::number(total));
}

void CachePanel::onFinished(std::shared_ptr<const CacheAnalysis> analysis)
{
    analysis_ = std::move(analysis);
    setBusy(false);
    status_->setText(text::readNote(analysis_->tracesRead, analysis_->tracesInWorkspace));
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
