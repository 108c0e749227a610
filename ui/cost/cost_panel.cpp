#include "cost/cost_panel.h"

#include "common/analysis_bar.h"
#include "cost/budget_view.h"
#include "cost/cost_headline.h"
#include "cost/cost_read.h"
#include "cost/cost_table.h"
#include "cost/cost_words.h"
#include "cost/spend_view.h"
#include "cost/top_traces_model.h"
#include "gateway/gateway_config.h"
#include "live/live_analyzer.h"
#include "live/live_filter.h"
#include "live/live_filter_bar.h"
#include "live/live_refresh.h"
#include "trace/filter.h"
#include "trace/store.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::costpanel {

namespace {

constexpr Nanos kHourlyUpTo = 25 * kRollupBucketNs; // a day's range, widened to whole hours, still reads by the hour

QString utcDay(Nanos at)
{
    return QDateTime::fromMSecsSinceEpoch(at / kNsPerMs, QTimeZone::utc()).toString(u"MMM d"_s);
}

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setStyleSheet(u"font-weight: 600;"_s);
    return label;
}

} // namespace

CostPanel::CostPanel(std::shared_ptr<TraceStore> store, LiveFilter* filter, QString gatewayConfigPath,
                     QWidget* parent)
    : QWidget(parent), store_(store), filter_(filter), configPath_(std::move(gatewayConfigPath)), clock_(wallNowNs),
      analyzer_(new LiveAnalyzer(store, this)), live_(new LiveRefresh(store, filter, this)),
      bar_(new AnalysisBar(u"Cost"_s, this)), filterBar_(new LiveFilterBar(filter, this)),
      headline_(new CostHeadline(this)), spend_(new SpendView(this)), budget_(new BudgetView(this)),
      topModel_(new TopTracesModel(this)), topView_(sortedTable(topModel_, TopTracesModel::kSortRole, this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(bar_);
    layout->addWidget(filterBar_);
    layout->addWidget(headline_);
    layout->addWidget(buildBody(), 1);
    busyDelay_.setSingleShot(true);
    busyDelay_.setInterval(kBusyDelayMs);
    connect(&busyDelay_, &QTimer::timeout, this, [this] { bar_->setBusy(true); });
    bar_->setStatus(u"Reading traces…"_s);
    loadBudgets();
    connectReads();
}

CostPanel::~CostPanel() = default;

// Left, where the money goes; right, the budget over the dearest traces.
QWidget* CostPanel::buildBody()
{
    topView_->setAccessibleName(u"Most expensive traces"_s);
    topView_->setToolTip(u"Double-click a trace to open it."_s);
    topView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    topView_->horizontalHeader()->setSectionResizeMode(TopTracesModel::Preview, QHeaderView::Stretch);
    auto* traces = new QWidget(this);
    auto* tracesLayout = new QVBoxLayout(traces);
    tracesLayout->setContentsMargins(0, 6, 0, 0);
    tracesLayout->addWidget(heading(u"Most expensive traces"_s, traces));
    tracesLayout->addWidget(topView_, 1);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(budget_);
    right->addWidget(traces);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(spend_);
    body->addWidget(right);
    body->setStretchFactor(0, 1);
    body->setStretchFactor(1, 1);
    body->setSizes({700, 560}); // the table of groups needs the room more than the burn-down
    body->setChildrenCollapsible(false);
    return body;
}

void CostPanel::connectReads()
{
    connect(live_, &LiveRefresh::refreshDue, this, &CostPanel::refresh);
    connect(analyzer_, &LiveAnalyzer::finished, this, [this](std::shared_ptr<const void> analysis, qint64 ms) {
        onFinished(std::static_pointer_cast<const CostAnalysis>(std::move(analysis)), ms);
    });
    connect(analyzer_, &LiveAnalyzer::failed, this, [this](const QString& reason) {
        bar_->showFailed(reason);
        onEnded();
    });
    connect(analyzer_, &LiveAnalyzer::cancelled, this, [this] {
        live_->paused(true); // the user stopped following: Refresh or a new filter reads again
        bar_->showDone(u"Cancelled: live updates paused. Refresh reads again."_s);
        onEnded();
    });
    connect(bar_, &AnalysisBar::cancelClicked, this, &CostPanel::cancel);
    connect(bar_, &AnalysisBar::refreshClicked, this, [this] {
        live_->paused(false);
        refresh();
    });
    connect(spend_, &SpendView::dimensionChanged, this, &CostPanel::refresh);
    connect(budget_, &BudgetView::choiceChanged, this, &CostPanel::refresh);
    connect(topView_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString id = index.data(TopTracesModel::kTraceIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT openTrace(id);
    });
}

void CostPanel::setClock(std::function<Nanos()> clock) { clock_ = std::move(clock); }

void CostPanel::refresh()
{
    loadBudgets();
    live_->running();
    if (!busyDelay_.isActive() && !analyzer_->running())
        busyDelay_.start();
    analyzer_->start([request = request()](TraceReader& reader, const CancelToken& token) {
        return std::static_pointer_cast<const void>(readCost(reader, request, token));
    });
}

void CostPanel::cancel() { analyzer_->cancel(); }

bool CostPanel::analyzing() const { return analyzer_->running(); }

QString CostPanel::statusText() const { return bar_->status(); }

CostRequest CostPanel::request() const
{
    CostRequest r;
    r.now = clock_();
    r.filter = filter_->effective(r.now);
    const Nanos end = std::min(r.filter.until.value_or(r.now), r.now);
    r.granularity = r.filter.since && end - *r.filter.since <= kHourlyUpTo ? analytics::Granularity::Hour
                                                                             : analytics::Granularity::Day;
    r.dimension = spend_->dimension();
    r.budget = budget_->choice();
    return r;
}

// The range as the filter bar names it, or its days when the filter text sets since:/until:.
QString CostPanel::rangeText(const CostRequest& r) const
{
    const TraceFilter typed = parseFilter(filter_->text().toStdString(), r.now).filter;
    if (!typed.since && !typed.until)
        return LiveFilter::rangeLabel(filter_->range());
    const Nanos end = std::min(r.filter.until.value_or(r.now), r.now + 1);
    if (!r.filter.since)
        return u"Until "_s + utcDay(end - 1);
    return utcDay(*r.filter.since) + u" – "_s + utcDay(end - 1);
}

void CostPanel::loadBudgets()
{
    const QFileInfo info(configPath_);
    const qint64 stamp = configPath_.isEmpty() || !info.exists() ? 0 : info.lastModified().toMSecsSinceEpoch();
    if (stamp == configStamp_)
        return;
    configStamp_ = stamp;
    if (stamp == 0)
        return budget_->setBudgets({}, {});
    const GatewayConfigResult loaded = loadGatewayConfig(configPath_.toStdString());
    if (loaded.ok())
        budget_->setBudgets(loaded.config.budgets, {});
    else
        budget_->setBudgets({}, QString::fromStdString(loaded.errors.front()));
}

void CostPanel::onFinished(std::shared_ptr<const CostAnalysis> analysis, qint64 elapsedMs)
{
    analysis_ = std::move(analysis);
    bar_->showDone(text::readStatus(*analysis_, elapsedMs));
    headline_->setAnalysis(*analysis_, rangeText(analysis_->request));
    spend_->setAnalysis(analysis_);
    budget_->setStanding(analysis_->budget);
    topModel_->setTraces(analysis_, &analysis_->topTraces);
    onEnded();
    Q_EMIT analysisShown();
}

void CostPanel::onEnded()
{
    busyDelay_.stop();
    bar_->setBusy(false);
    ended_ = true;
    live_->finished();
}

} // namespace ts::ui::costpanel
