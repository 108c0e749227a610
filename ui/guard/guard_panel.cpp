#include "guard/guard_panel.h"

#include "bridge/store_watcher.h"
#include "common/analysis_bar.h"
#include "common/read_note.h"
#include "guard/guard_blocked_table.h"
#include "guard/guard_findings_view.h"
#include "guard/guard_policy_editor.h"
#include "guard/guard_text.h"
#include "trace/store.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::guardpanel {

namespace {

enum Tab { FindingsTab, BlockedTab, PolicyTab };

QString blockedTitle(int count)
{
    return u"Blocked requests ("_s + QString::number(count) + u')';
}

} // namespace

GuardPanel::GuardPanel(std::shared_ptr<TraceStore> store, QString configPath, GatewayController* gateway,
                       QWidget* parent, std::int64_t traceCap)
    : QWidget(parent), analyzer_(new GuardAnalyzer(store, traceCap, this)),
      bar_(new AnalysisBar(u"Guardrails"_s, this)), coverage_(buildCoverageNote()),
      tabs_(new QTabWidget(this)), findings_(new FindingsView(this)), blocked_(new BlockedTable(this)),
      policy_(new PolicyEditor(std::move(configPath), gateway, this))
{
    tabs_->addTab(findings_, u"Findings"_s);
    tabs_->addTab(blocked_, u"Blocked requests"_s);
    tabs_->addTab(policy_, u"Policy"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    bar_->setStatusWordWrap(true);
    layout->addWidget(bar_);
    layout->addWidget(coverage_);
    layout->addWidget(tabs_, 1);
    connectAnalyzer();
    rerun_.setSingleShot(true);
    rerun_.setInterval(kRerunDelayMs);
    connect(&rerun_, &QTimer::timeout, this, &GuardPanel::refresh);
    connect(new StoreWatcher(store, this), &StoreWatcher::tracesChanged, this, &GuardPanel::onTracesChanged);
    connect(blocked_, &BlockedTable::traceRequested, this, &GuardPanel::openTrace);
    connect(policy_, &PolicyEditor::saved, this, [this](const QString& problem) {
        if (problem.isEmpty())
            Q_EMIT policySaved();
    });
    connect(bar_, &AnalysisBar::cancelClicked, this, &GuardPanel::cancel);
    connect(bar_, &AnalysisBar::refreshClicked, this, &GuardPanel::refresh);
}

GuardPanel::~GuardPanel() = default;

QLabel* GuardPanel::buildCoverageNote()
{
    auto* note = new QLabel(text::coverageNote(), this);
    note->setWordWrap(true);
    note->setTextFormat(Qt::RichText);
    note->setAccessibleName(u"What the guards do not cover"_s);
    note->setStyleSheet(u"QLabel { border-left: 4px solid #e6a23c; padding: 4px 8px; margin: 4px 0; }"_s);
    return note;
}

void GuardPanel::connectAnalyzer()
{
    connect(analyzer_, &GuardAnalyzer::progress, bar_,
            [this](int done, int total) { bar_->setProgress(u"Reading traces"_s, done, total); });
    connect(analyzer_, &GuardAnalyzer::finished, this, &GuardPanel::onFinished);
    connect(analyzer_, &GuardAnalyzer::partial, this, &GuardPanel::showAnalysis);
    connect(analyzer_, &GuardAnalyzer::cancelled, this, [this] {
        cancelled_ = true;
        bar_->showDone(analysis_ ? readNote(analysis_->tracesRead, analysis_->tracesInWorkspace) +
                                       u" Cancelled: Refresh reads the traces again."_s
                                 : u"Cancelled. Refresh reads the traces again."_s);
        if (!analysis_)
            findings_->showMessage(u"Cancelled. Refresh reads the traces again."_s);
    });
    connect(analyzer_, &GuardAnalyzer::failed, bar_, &AnalysisBar::showFailed);
}

void GuardPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!started_)
        refresh();
}

void GuardPanel::refresh()
{
    started_ = true;
    cancelled_ = false;
    rerunPending_ = false;
    rerun_.stop();
    bar_->showRunning(u"Reading traces…"_s);
    analyzer_->start();
}

void GuardPanel::cancel()
{
    rerun_.stop();
    rerunPending_ = false;
    analyzer_->cancel();
}

bool GuardPanel::analyzing() const
{
    return analyzer_->running() || rerun_.isActive();
}

QString GuardPanel::statusText() const
{
    return bar_->status();
}

QString GuardPanel::coverageText() const
{
    return coverage_->text();
}

// New traces: read again after a short pause (a burst of commits is one re-read), or once the
// running read is done; not before the panel was first shown, nor after the user cancelled.
void GuardPanel::onTracesChanged()
{
    if (!started_ || cancelled_)
        return;
    if (analyzer_->running())
        rerunPending_ = true;
    else if (!rerun_.isActive())
        rerun_.start();
}

void GuardPanel::showAnalysis(const std::shared_ptr<const GuardAnalysis>& analysis)
{
    findings_->setAnalysis(analysis);
    blocked_->setAnalysis(analysis);
    tabs_->setTabText(BlockedTab, blockedTitle(static_cast<int>(analysis->blocked.size())));
}

void GuardPanel::onFinished(std::shared_ptr<const GuardAnalysis> analysis)
{
    analysis_ = std::move(analysis);
    bar_->showDone(readNote(analysis_->tracesRead, analysis_->tracesInWorkspace));
    showAnalysis(analysis_);
    if (std::exchange(rerunPending_, false))
        rerun_.start();
    Q_EMIT analysisShown();
}

} // namespace ts::ui::guardpanel
