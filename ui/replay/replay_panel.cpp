#include "replay/replay_panel.h"

#include "catalog/catalog.h"
#include "common/analysis_bar.h"
#include "common/format.h"
#include "live/live_analyzer.h"
#include "live/live_filter.h"
#include "live/live_filter_bar.h"
#include "live/live_refresh.h"
#include "replay/alternatives_editor.h"
#include "replay/recorded_calls.h"
#include "replay/reprice_view.h"
#include "trace/store.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::replaypanel {

ReplayPanel::ReplayPanel(std::shared_ptr<TraceStore> store, LiveFilter* filter, QWidget* parent)
    : QWidget(parent), store_(store), filter_(filter), analyzer_(new LiveAnalyzer(store, this)),
      live_(new LiveRefresh(store, filter, this)), bar_(new AnalysisBar(u"Replay"_s, this)),
      filterBar_(new LiveFilterBar(filter, this)), editor_(new AlternativesEditor(this)), view_(new RepriceView(this))
{
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QLabel(tr("What if the same calls had gone…"), left);
    heading->setStyleSheet(u"font-weight: 600;"_s);
    leftLayout->addWidget(heading);
    leftLayout->addWidget(editor_, 1);
    auto* body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(left);
    body->addWidget(view_);
    body->setStretchFactor(0, 2);
    body->setStretchFactor(1, 3);
    body->setSizes({500, 760});
    body->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(bar_);
    layout->addWidget(filterBar_);
    layout->addWidget(body, 1);
    busyDelay_.setSingleShot(true);
    busyDelay_.setInterval(kBusyDelayMs);
    connect(&busyDelay_, &QTimer::timeout, this, [this] { bar_->setBusy(true); });
    bar_->setStatus(tr("Reading the model calls…"));

    connect(live_, &LiveRefresh::refreshDue, this, &ReplayPanel::refresh);
    connect(editor_, &AlternativesEditor::changed, this, &ReplayPanel::refresh);
    connect(editor_, &AlternativesEditor::problem, this, [this](const QString& text) { bar_->setStatus(text); });
    connect(analyzer_, &LiveAnalyzer::finished, this, [this](std::shared_ptr<const void> report, qint64 ms) {
        onFinished(std::static_pointer_cast<const replay::RepriceReport>(std::move(report)), ms);
    });
    connect(analyzer_, &LiveAnalyzer::failed, this, [this](const QString& reason) {
        bar_->showFailed(reason);
        onEnded();
    });
    connect(analyzer_, &LiveAnalyzer::cancelled, this, [this] {
        live_->paused(true);
        bar_->showDone(tr("Cancelled: live updates paused. Refresh prices again."));
        onEnded();
    });
    connect(bar_, &AnalysisBar::cancelClicked, this, &ReplayPanel::cancel);
    connect(bar_, &AnalysisBar::refreshClicked, this, [this] {
        live_->paused(false);
        refresh();
    });
}

ReplayPanel::~ReplayPanel() = default;

void ReplayPanel::refresh()
{
    live_->running();
    if (!busyDelay_.isActive() && !analyzer_->running())
        busyDelay_.start();
    bar_->setStatus(tr("Re-pricing…"));
    analyzer_->start([filter = filter_->effective(wallNowNs()), alternatives = editor_->alternatives(),
                      catalog = Catalog::current()](TraceReader& reader, const CancelToken& token) {
        std::shared_ptr<const void> out;
        const std::optional<replay::CallSet> calls = replay::readCalls(reader, filter, &token);
        if (!calls)
            return out;
        std::optional<replay::RepriceReport> report = replay::reprice(*calls, alternatives, *catalog, &token);
        if (report)
            out = std::make_shared<const replay::RepriceReport>(std::move(*report));
        return out;
    });
}

void ReplayPanel::cancel() { analyzer_->cancel(); }

bool ReplayPanel::analyzing() const { return analyzer_->running(); }

QString ReplayPanel::statusText() const { return bar_->status(); }

void ReplayPanel::onFinished(std::shared_ptr<const replay::RepriceReport> report, qint64 elapsedMs)
{
    report_ = std::move(report);
    if (report_->calls == 0)
        view_->clear(tr("No model call with recorded usage matches the filter."));
    else
        view_->setReport(*report_);
    bar_->showDone(tr("Re-priced %1 calls in %2").arg(format::grouped(report_->calls), format::duration(static_cast<double>(elapsedMs))));
    onEnded();
    Q_EMIT reportShown();
}

void ReplayPanel::onEnded()
{
    busyDelay_.stop();
    bar_->setBusy(false);
    live_->finished();
    ended_ = true;
}

} // namespace ts::ui::replaypanel
