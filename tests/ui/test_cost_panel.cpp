// The Cost panel on a workspace of hand-built traces with known costs across models, users, tags,
// routes and days, at a fixed "now" (2026-11-20 12:30 UTC): the headline totals, spend per model per
// day, tags splitting multi-tag requests, the shared filter narrowing, cache savings, the budget
// burn-down and its sentence, the dearest traces and opening one, following new traces live, and the
// numbers behind a chart as CSV. Then the same panel on generated demo traffic.
#include "charts/burn_down_chart.h"
#include "charts/time_series_chart.h"
#include "common/gui_settings.h"
#include "cost/budget_view.h"
#include "cost/cost_group_model.h"
#include "cost/cost_headline.h"
#include "cost/cost_panel.h"
#include "cost/cost_series.h"
#include "cost/cost_words.h"
#include "cost/spend_view.h"
#include "cost/top_traces_model.h"
#include "demo/demo.h"
#include "live/live_filter.h"
#include "qtest_std_string.h"
#include "trace_fixtures.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui::costpanel;
using ts::analytics::Dimension;

namespace {

constexpr int kWaitMs = 10'000;
constexpr Nanos kHour = 3600 * kNsPerSec;
constexpr Nanos kDay = 24 * kHour;

Nanos utc(int month, int day, int hour, int minute = 0)
{
    const QDateTime t(QDate(2026, month, day), QTime(hour, minute), QTimeZone::utc());
    return t.toMSecsSinceEpoch() * kNsPerMs;
}

const Nanos kNow = utc(11, 20, 12, 30);

struct CostSpec
{
    int index = 0;
    Nanos start = 0;
    std::string model, provider, user, tags, route;
    double costUsd = 0;
    double savedUsd = 0; // > 0: a cache hit that saved this much, with no model call
    std::string source = "gateway";
};

Trace costTrace(const CostSpec& c)
{
    uitest::TraceSpec spec;
    spec.index = c.index;
    spec.start = c.start;
    spec.model = c.model;
    spec.provider = c.provider;
    spec.costUsd = c.costUsd;
    spec.inputTokens = 1000;
    spec.outputTokens = 200;
    spec.source = c.source;
    Trace trace = uitest::makeTrace(spec);
    Span& root = trace.spans.front();
    root.attributes[std::string(attr::kUser)] = c.user;
    root.attributes[std::string(attr::kTags)] = c.tags;
    root.attributes[std::string(attr::kRoute)] = c.route;
    if (c.savedUsd > 0) {
        trace.spans.pop_back(); // the call
        trace.exchanges.clear();
        Span lookup = uitest::makeSpan(spec, "cache.lookup", "cache.lookup", root.spanId, 1, 3, 2);
        lookup.attributes[std::string(attr::kCacheHit)] = true;
        lookup.attributes[std::string(attr::kCacheSavedUsd)] = c.savedUsd;
        trace.spans.push_back(lookup);
    }
    summarize(trace);
    return trace;
}

// Spend this week: $4.50 over six requests (one a cache hit saving $0.40); this month also $3 on
// Nov 5; last month $10, outside everything.
const std::vector<CostSpec> kTraces = {
    {0, utc(11, 18, 10), "gpt-4o", "openai", "alice", "rag,kb", "chat", 1.00},
    {1, utc(11, 18, 10, 20), "claude-haiku", "anthropic", "bob", "rag", "chat", 0.50},
    {2, utc(11, 19, 10), "gpt-4o", "openai", "alice", "", "summarise", 2.00},
    {3, utc(11, 19, 10, 30), "gpt-4o-mini", "openai", "bob", "kb", "chat", 0.25},
    {4, utc(11, 20, 10), "claude-haiku", "anthropic", "alice", "rag", "chat", 0.75, 0, "playground"},
    {5, utc(11, 20, 10, 10), "gpt-4o", "", "alice", "", "chat", 0.0, 0.40},
    {6, utc(11, 5, 10), "gpt-4o", "openai", "bob", "", "chat", 3.00},
    {7, utc(10, 25, 10), "gpt-4o", "openai", "bob", "", "chat", 10.00},
};

const QByteArray kConfig = R"({
  "budgets": [{"scope": "user", "name": "alice", "period": "month", "usd": 5},
              {"scope": "key", "name": "team-search", "period": "month", "usd": 100}]
}
)";

QString traceId(int index) { return QString::fromStdString(uitest::traceIdOf(index)); }

std::int64_t hourOf(Nanos t) { return rollupHourOf(t); }

// The burn-down of November as of kNow for spends at known times: what the panel should hand to the
// projection (its formula is core's, tested there).
analytics::BudgetBurn expectedBurn(const std::vector<std::pair<Nanos, double>>& spends, double limitUsd)
{
    const Nanos start = utc(11, 1, 0);
    std::vector<double> hourly(static_cast<std::size_t>(hourOf(kNow) - hourOf(start) + 1), 0.0);
    for (const auto& [at, usd] : spends)
        hourly[static_cast<std::size_t>(hourOf(at) - hourOf(start))] += usd;
    return analytics::projectBudget(analytics::BudgetWindow::Month, limitUsd, kNow, hourly);
}

// Everything this month, and alice's gateway requests.
const std::vector<std::pair<Nanos, double>> kMonthSpends = {
    {utc(11, 5, 10), 3.00}, {utc(11, 18, 10), 1.50}, {utc(11, 19, 10), 2.25}, {utc(11, 20, 10), 0.75}};
const std::vector<std::pair<Nanos, double>> kAliceGatewaySpends = {{utc(11, 18, 10), 1.00}, {utc(11, 19, 10), 2.00}};
std::int64_t dayOf(Nanos t) { return rollupHourOf(t) / 24 * 24; }

} // namespace

class TestCostPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void totalsAndHeadline();
    void spendPerModelPerDay();
    void tagsSplitMultiTagRequests();
    void filterNarrows();
    void dayRangeReadsByHour();
    void typedBudgetBurnDown();
    void userBudgetCountsItsGatewayRows();
    void keyBudgetCannotBeDrawn();
    void dearestTracesAndOpening();
    void followsNewTraces();
    void chartCsv();
    void otherGathersTheTail();
    void demoWorkspace();

private:
    void makePanel(const QString& filterText = {});
    void waitShown(int count = 1);

    QTemporaryDir dir_;
    QTemporaryDir settingsDir_;
    std::shared_ptr<TraceStore> store_;
    std::unique_ptr<ui::LiveFilter> filter_;
    std::unique_ptr<CostPanel> panel_;
    std::unique_ptr<QSignalSpy> shown_;
};

void TestCostPanel::initTestCase()
{
    // The typed monthly budget lives in the settings: keep the user's out of it.
    qputenv("TOKENSCOPE_SETTINGS", settingsDir_.filePath(u"gui.ini"_s).toLocal8Bit());
}

void TestCostPanel::init()
{
    ui::guiSettings().clear();
    store_ = uitest::openTempStore(dir_);
    for (const CostSpec& c : kTraces)
        store_->write(costTrace(c));
    QVERIFY(store_->flush());
    QFile config(dir_.filePath(u"gateway.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(kConfig);
}

void TestCostPanel::cleanup()
{
    shown_.reset();
    panel_.reset();
    filter_.reset();
    store_.reset();
    QFile::remove(dir_.filePath(u"workspace.tokenscope"_s));
}

void TestCostPanel::makePanel(const QString& filterText)
{
    filter_ = std::make_unique<ui::LiveFilter>();
    filter_->setText(filterText);
    panel_ = std::make_unique<CostPanel>(store_, filter_.get(), dir_.filePath(u"gateway.json"_s));
    panel_->setClock([] { return kNow; });
    shown_ = std::make_unique<QSignalSpy>(panel_.get(), &CostPanel::analysisShown);
    new QAbstractItemModelTester(panel_->spend()->groups(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 panel_.get());
    new QAbstractItemModelTester(panel_->topTraces(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 panel_.get());
    panel_->resize(1280, 800);
    panel_->show();
    waitShown();
}

void TestCostPanel::waitShown(int count)
{
    QTRY_VERIFY_WITH_TIMEOUT(shown_->count() >= count && panel_->settled(), kWaitMs);
}

void TestCostPanel::totalsAndHeadline()
{
    makePanel();
    const auto a = panel_->analysis();
    QVERIFY(a);
    QCOMPARE(a->totals.requests, 6);
    QCOMPARE(a->totals.costUsd, 4.50);
    QCOMPARE(a->totals.costPerThousand(), 750.0);
    QCOMPARE(a->totals.cacheSavedUsd, 0.40);
    QCOMPARE(a->totals.tokens, 5 * 1200); // the cache hit made no call
    QCOMPARE(panel_->headline()->value(CostHeadline::Spend), u"$4.50"_s);
    QCOMPARE(panel_->headline()->detail(CostHeadline::Spend), u"Last 7 days"_s);
    QCOMPARE(panel_->headline()->value(CostHeadline::Requests), u"6"_s);
    QCOMPARE(panel_->headline()->value(CostHeadline::PerThousand), u"$750.00"_s);
    QCOMPARE(panel_->headline()->value(CostHeadline::CacheSaved), u"$0.4000"_s);
    QCOMPARE(panel_->headline()->detail(CostHeadline::CacheSaved), u"8.9% of spend"_s);
    QVERIFY2(panel_->statusText().startsWith(u"Read "_s) && panel_->statusText().contains(u" ms."_s),
             qPrintable(panel_->statusText()));
    // This month: $7.50 so far, $4.50 of it in the last three days (about $1.50 a day).
    const analytics::BudgetBurn month = expectedBurn(kMonthSpends, 0);
    QCOMPARE(a->month.spentUsd, 7.50);
    QCOMPARE(a->month.pacePerDayUsd, month.pacePerDayUsd);
    QVERIFY(std::abs(a->month.pacePerDayUsd - 1.50) < 0.02);
    QCOMPARE(a->month.projectedUsd, month.projectedUsd);
    QVERIFY(a->month.projectedUsd > 23 && a->month.projectedUsd < 23.5); // + ~$0.0625 an hour for 251.5 hours
    QCOMPARE(panel_->headline()->value(CostHeadline::MonthEnd), ui::costpanel::text::money(month.projectedUsd));
}

void TestCostPanel::spendPerModelPerDay()
{
    makePanel();
    const auto a = panel_->analysis();
    QCOMPARE(a->request.granularity, analytics::Granularity::Day);
    QCOMPARE(a->buckets.size(), 8u); // Nov 13 .. Nov 20
    QCOMPARE(a->buckets.front(), dayOf(utc(11, 13, 0)));
    QCOMPARE(a->spend("gpt-4o", dayOf(utc(11, 18, 0))), 1.00);
    QCOMPARE(a->spend("gpt-4o", dayOf(utc(11, 19, 0))), 2.00);
    QCOMPARE(a->spend("gpt-4o", dayOf(utc(11, 20, 0))), 0.00);
    QCOMPARE(a->spend("claude-haiku", dayOf(utc(11, 18, 0))), 0.50);
    QCOMPARE(a->spend("claude-haiku", dayOf(utc(11, 20, 0))), 0.75);
    QCOMPARE(a->spend("gpt-4o-mini", dayOf(utc(11, 19, 0))), 0.25);
    QCOMPARE(a->spend("gpt-4o", dayOf(utc(11, 5, 0))), 0.0); // outside the week
    QCOMPARE(a->groups.size(), 3u);
    QCOMPARE(a->groups[0].name, "gpt-4o");
    QCOMPARE(a->groups[0].figures.cacheSavedUsd, 0.40);
    QCOMPARE(a->groups[0].figures.requests, 3);
    QCOMPARE(a->groups[0].share, 3.0 / 4.5);
    // The table shows them, and sorts by the numbers (not their text) on a header click.
    QTableView* table = panel_->spend()->table();
    QCOMPARE(table->model()->rowCount(), 3);
    QCOMPARE(table->model()->index(0, CostGroupModel::Spend).data().toString(), u"$3.00"_s);
    QCOMPARE(table->model()->index(0, CostGroupModel::Share).data().toString(), u"66.7%"_s);
    QCOMPARE(table->model()->index(0, CostGroupModel::PerThousand).data().toString(), u"$1,000.00"_s);
    table->sortByColumn(CostGroupModel::Spend, Qt::AscendingOrder);
    QCOMPARE(table->model()->index(0, CostGroupModel::Group).data().toString(), u"gpt-4o-mini"_s);
    // The chart stacks the same numbers by day.
    const auto& series = panel_->spend()->chart()->data();
    QCOMPARE(series.days.size(), 8);
    QCOMPARE(series.series.size(), 3);
    QCOMPARE(series.series[0].name, u"gpt-4o"_s);
    QCOMPARE(series.series[0].values[6], 2.00);
}

void TestCostPanel::tagsSplitMultiTagRequests()
{
    makePanel();
    panel_->spend()->setDimension(Dimension::Tag);
    waitShown(2);
    const auto a = panel_->analysis();
    QCOMPARE(a->request.dimension, Dimension::Tag);
    QVERIFY(a->group("rag") && a->group("kb") && a->group(""));
    QCOMPARE(a->group("rag")->figures.costUsd, 2.25); // 1.00 (rag,kb) + 0.50 + 0.75
    QCOMPARE(a->group("kb")->figures.costUsd, 1.25);  // 1.00 (rag,kb) + 0.25
    QCOMPARE(a->group("")->figures.costUsd, 2.00);
    QCOMPARE(a->group("rag")->figures.requests, 3);
    QCOMPARE(a->totals.costUsd, 4.50); // the request tagged twice is spent once
    QCOMPARE(panel_->spend()->note(), ui::costpanel::text::tagNote());
    QCOMPARE(panel_->spend()->table()->model()->index(1, CostGroupModel::Group).data().toString(), u"(no tag)"_s);
}

void TestCostPanel::filterNarrows()
{
    makePanel();
    filter_->setText(u"user:alice"_s);
    waitShown(2);
    const auto a = panel_->analysis();
    QCOMPARE(a->totals.requests, 4);
    QCOMPARE(a->totals.costUsd, 3.75);
    QCOMPARE(a->totals.cacheSavedUsd, 0.40);
    QCOMPARE(a->month.spentUsd, 3.75); // alice spent nothing earlier this month
    for (const TraceSummary& t : a->topTraces)
        QCOMPARE(t.user, "alice");
    panel_->spend()->setDimension(Dimension::User);
    waitShown(3);
    QCOMPARE(panel_->analysis()->groups.size(), 1u);
}

void TestCostPanel::dayRangeReadsByHour()
{
    makePanel();
    filter_->setRange(ui::LiveFilter::Range::Day);
    waitShown(2);
    const auto a = panel_->analysis();
    QCOMPARE(a->request.granularity, analytics::Granularity::Hour);
    QCOMPARE(a->buckets.size(), 25u); // 11:00 yesterday (the hour holding 12:30) .. 12:00 today
    QCOMPARE(a->totals.costUsd, 0.75);
    QCOMPARE(a->spend("claude-haiku", hourOf(utc(11, 20, 10))), 0.75);
    QCOMPARE(panel_->spend()->chart()->data().xLabels.size(), 25);
    QCOMPARE(panel_->spend()->chart()->data().xLabels.front(), u"12:00"_s);
    QCOMPARE(panel_->headline()->detail(CostHeadline::Spend), u"Last 24 hours"_s);
}

void TestCostPanel::typedBudgetBurnDown()
{
    makePanel();
    BudgetView* budget = panel_->budget();
    QCOMPARE(budget->chooser()->count(), 3); // typed, alice's, the key's
    QCOMPARE(budget->chooser()->currentIndex(), 0);
    QVERIFY(budget->sentence().contains(u"Set a monthly budget"_s));
    budget->monthlyLimit()->setValue(10);
    waitShown(2);
    const auto& standing = panel_->analysis()->budget;
    QVERIFY(standing.budget.global());
    QVERIFY(standing.burn);
    QCOMPARE(standing.burn->limitUsd, 10.0);
    QCOMPARE(standing.burn->spentUsd, 7.50);
    const analytics::BudgetBurn expected = expectedBurn(kMonthSpends, 10);
    QCOMPARE(standing.burn->projectedUsd, expected.projectedUsd);
    // $2.50 left at about $0.0625 an hour: some 40 hours from now.
    QVERIFY(standing.burn->runsOutAt);
    QCOMPARE(*standing.burn->runsOutAt, *expected.runsOutAt);
    QVERIFY(std::abs(*standing.burn->runsOutAt - (kNow + 40 * kHour)) < kHour);
    QCOMPARE(budget->sentence(), u"At this pace the month ends at "_s + text::money(expected.projectedUsd) +
                                     u" of $10.00: over budget on Nov 22."_s);
    // The chart: November's 30 days, spend through today, the projection to the end, the limit.
    const ui::charts::BurnDown& chart = budget->chart()->data();
    QCOMPARE(chart.xLabels.size(), 30);
    QCOMPARE(chart.xLabels.front(), u"Nov 1"_s);
    QCOMPARE(chart.spent.size(), 20);
    QCOMPARE(chart.spent[4], 3.00);  // Nov 5
    QCOMPARE(chart.spent[17], 4.50); // Nov 18
    QCOMPARE(chart.spent.back(), 7.50);
    QCOMPARE(chart.projected.back(), standing.burn->projectedUsd);
    QCOMPARE(chart.limit.value, 10.0);
    QCOMPARE(chart.crossing, 21); // Nov 22
    // The limit is kept: a new panel starts from it.
    QCOMPARE(ui::guiSettings().value(u"cost/monthlyBudgetUsd"_s).toDouble(), 10.0);
    panel_.reset();
    makePanel();
    QCOMPARE(panel_->analysis()->budget.burn->limitUsd, 10.0);
}

void TestCostPanel::userBudgetCountsItsGatewayRows()
{
    makePanel();
    BudgetView* budget = panel_->budget();
    QCOMPARE(budget->chooser()->itemText(1), u"user alice: $5.00 a month"_s);
    budget->chooser()->setCurrentIndex(1);
    Q_EMIT budget->chooser()->activated(1);
    waitShown(2);
    const auto& standing = panel_->analysis()->budget;
    QCOMPARE(standing.budget.scopeName, "alice");
    QVERIFY(standing.burn);
    // Alice's gateway requests: $1.00 and $2.00 (and a cache hit); her $0.75 from the Playground is not the gateway's.
    QCOMPARE(standing.burn->spentUsd, 3.00);
    const analytics::BudgetBurn expected = expectedBurn(kAliceGatewaySpends, 5);
    QCOMPARE(standing.burn->pacePerDayUsd, expected.pacePerDayUsd);
    QCOMPARE(standing.burn->projectedUsd, expected.projectedUsd);
    QCOMPARE(budget->sentence(), u"At this pace the month ends at "_s + text::money(expected.projectedUsd) +
                                     u" of $5.00: over budget on Nov 22."_s);
    // The filter does not narrow a budget.
    filter_->setText(u"model:gpt-4o-mini"_s);
    waitShown(3);
    QCOMPARE(panel_->analysis()->budget.burn->spentUsd, 3.00);
    QCOMPARE(panel_->analysis()->totals.costUsd, 0.25);
}

void TestCostPanel::keyBudgetCannotBeDrawn()
{
    makePanel();
    BudgetView* budget = panel_->budget();
    budget->chooser()->setCurrentIndex(2);
    Q_EMIT budget->chooser()->activated(2);
    waitShown(2);
    QVERIFY(!panel_->analysis()->budget.burn);
    QVERIFY(!budget->chart()->hasChart());
    QVERIFY2(budget->chart()->message().contains(u"can't be drawn here"_s), qPrintable(budget->chart()->message()));
    QVERIFY(budget->chart()->message().contains(u"key team-search"_s));
}

void TestCostPanel::dearestTracesAndOpening()
{
    makePanel();
    const auto a = panel_->analysis();
    QCOMPARE(a->topTraces.size(), 6u); // the week's; not Nov 5's $3 nor October's $10
    const std::vector<double> costs{2.00, 1.00, 0.75, 0.50, 0.25, 0.0};
    for (std::size_t i = 0; i < costs.size(); ++i)
        QCOMPARE(a->topTraces[i].costUsd, costs[i]);
    QTableView* view = panel_->topTracesView();
    QCOMPARE(view->model()->index(0, TopTracesModel::Cost).data().toString(), u"$2.00"_s);
    QCOMPARE(view->model()->index(0, TopTracesModel::User).data().toString(), u"alice"_s);
    QCOMPARE(view->model()->index(0, TopTracesModel::Tokens).data().toString(), u"1,200"_s);
    QSignalSpy opened(panel_.get(), &CostPanel::openTrace);
    Q_EMIT view->doubleClicked(view->model()->index(0, TopTracesModel::Preview));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.front().front().toString(), traceId(2));
}

void TestCostPanel::followsNewTraces()
{
    makePanel();
    store_->write(costTrace({8, utc(11, 20, 11), "gpt-4o", "openai", "bob", "", "chat", 5.00}));
    QVERIFY(store_->flush());
    QTRY_VERIFY_WITH_TIMEOUT(panel_->analysis()->totals.requests == 7, kWaitMs);
    QCOMPARE(panel_->analysis()->totals.costUsd, 9.50);
    QCOMPARE(panel_->analysis()->topTraces.front().traceId, uitest::traceIdOf(8));
    QCOMPARE(panel_->headline()->value(CostHeadline::Spend), u"$9.50"_s);
    // Hidden, it waits; shown again, it catches up.
    panel_->hide();
    const int before = static_cast<int>(shown_->count());
    store_->write(costTrace({9, utc(11, 20, 11, 30), "gpt-4o", "openai", "bob", "", "chat", 1.00}));
    QVERIFY(store_->flush());
    QTest::qWait(800);
    QCOMPARE(shown_->count(), before);
    panel_->show();
    QTRY_VERIFY_WITH_TIMEOUT(panel_->analysis()->totals.requests == 8, kWaitMs);
}

void TestCostPanel::chartCsv()
{
    makePanel();
    const QString file = dir_.filePath(u"spend.csv"_s);
    QVERIFY(panel_->spend()->chart()->exportCsv(file));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(in.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 9);
    QCOMPARE(lines[0], u"day,gpt-4o,claude-haiku,gpt-4o-mini"_s);
    QCOMPARE(lines[1], u"2026-11-13,0,0,0"_s);
    QCOMPARE(lines[6], u"2026-11-18,1,0.5,0"_s);
    QCOMPARE(lines[7], u"2026-11-19,2,0,0.25"_s);
    QCOMPARE(lines[8], u"2026-11-20,0,0.75,0"_s);
    panel_->budget()->monthlyLimit()->setValue(10);
    waitShown(2);
    const QStringList burn = panel_->budget()->chart()->csv().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(burn.size(), 31);
    QCOMPARE(burn[0], u"step,spent,projected,limit"_s);
    QCOMPARE(burn[5], u"Nov 5,3,3,10"_s);
    const double projected = expectedBurn(kMonthSpends, 10).projectedUsd;
    QCOMPARE(burn[30], u"Nov 30,,"_s + QString::number(projected, 'g', 12) + u",10"_s);
}

// Past the eight dearest, the chart stacks the rest as Other, day by day.
void TestCostPanel::otherGathersTheTail()
{
    CostAnalysis a;
    a.request.dimension = Dimension::Model;
    a.buckets = {dayOf(kNow) - 24, dayOf(kNow)};
    for (int i = 0; i < 10; ++i) {
        const std::string name = "m" + std::to_string(i);
        a.groups.push_back({name, {}, 0.0});
        a.spendByGroup[name] = {10.0 - i, 1.0};
    }
    const ui::charts::TimeSeries s = spendSeries(a);
    QCOMPARE(s.series.size(), kChartGroups + 1);
    QCOMPARE(s.series.back().name, otherName());
    QCOMPARE(s.series.back().values, (QList<double>{1.0 + 2.0, 2.0}));
    QCOMPARE(s.series.front().color, groupColor(0));
    QCOMPARE(s.days.size(), 2);
}

// Generated traffic through the real pipeline: the panel counts every request and adds up to the traces.
void TestCostPanel::demoWorkspace()
{
    QTemporaryDir demoDir;
    store_ = uitest::openTempStore(demoDir);
    demo::Options options;
    options.days = 2;
    options.requestsPerDay = 150;
    const demo::Stats stats = demo::run(options, [&](Trace t) { store_->write(std::move(t)); });
    QVERIFY(store_->flush());
    QVERIFY(stats.requests > 100);
    filter_ = std::make_unique<ui::LiveFilter>();
    filter_->setRange(ui::LiveFilter::Range::All);
    panel_ = std::make_unique<CostPanel>(store_, filter_.get(), QString());
    shown_ = std::make_unique<QSignalSpy>(panel_.get(), &CostPanel::analysisShown);
    panel_->show();
    waitShown();
    const auto a = panel_->analysis();
    QCOMPARE(a->totals.requests, stats.requests);
    // The rollups add up to what the traces table says (the generator counts only each request's last call).
    const double traced = store_->reader()->totalCost({});
    QVERIFY(traced > 0);
    QVERIFY2(std::abs(a->totals.costUsd - traced) < 1e-9 * traced,
             qPrintable(u"%1 vs %2"_s.arg(a->totals.costUsd).arg(traced)));
    double shares = 0;
    for (const GroupFigures& g : a->groups)
        shares += g.share;
    QVERIFY(std::abs(shares - 1.0) < 1e-9);
    QVERIFY(a->groups.size() >= 2);
    QCOMPARE(a->topTraces.size(), 20u);
    QVERIFY(a->topTraces.front().costUsd >= a->topTraces.back().costUsd);
    QVERIFY(panel_->spend()->chart()->hasChart());
    panel_.reset();
    store_.reset();
}

QTEST_MAIN(TestCostPanel)
#include "test_cost_panel.moc"
