// The Drift panel on workspaces of hand-built traces over eight days: prompts twice as long on the last
// day flag prompt tokens (with an alarm on that day) and not latency; one model twice as slow flags
// latency, and the shared filter narrows it to that model; steady traffic flags nothing; new traces are
// followed; the windows can be set; and the windows' arithmetic on its own.
#include "analytics/drift_report.h"
#include "charts/bar_chart.h"
#include "charts/time_series_chart.h"
#include "demo/demo.h"
#include "drift/drift_panel.h"
#include "drift/drift_table_model.h"
#include "drift/drift_text.h"
#include "drift/drift_window_bar.h"
#include "live/live_filter.h"
#include "qtest_std_string.h"
#include "trace_fixtures.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <cmath>
#include <random>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui::drift;

namespace {

using Ids = std::vector<std::string>;

constexpr int kWaitMs = 20'000;
constexpr Nanos kHour = 3600 * kNsPerSec;
constexpr Nanos kDay = 24 * kHour;
constexpr Nanos kDay0 = 1'789'948'800LL * kNsPerSec; // 2026-09-21T00:00Z
constexpr int kDays = 8;
constexpr int kPerDay = 120;
const QString kUntil = u"until:2026-09-29T00:00"_s; // the end of the eighth day

// What changes on the last day.
struct Shift
{
    double prompt = 1;        // prompt tokens times this
    double slowModel = 1;     // claude-haiku's latency times this
};

const std::vector<std::string> kQuestions{
    "What is the refund policy for annual plans?", "How do I reset my password?",
    "Summarise this contract clause about liability.", "Translate the release notes into German.",
    "Why did my deployment fail with exit code 137?", "Draft a polite reply to this customer complaint."};

Trace generated(int index, Nanos start, const std::string& model, double promptTokens, double outputTokens,
                double latencyMs, const std::string& question)
{
    uitest::TraceSpec spec;
    spec.index = index;
    spec.start = start;
    spec.model = model;
    spec.provider = model == "claude-haiku" ? "anthropic" : "openai";
    spec.inputTokens = std::max<std::int64_t>(1, std::llround(promptTokens));
    spec.outputTokens = std::max<std::int64_t>(1, std::llround(outputTokens));
    spec.durationMs = std::max(latencyMs, 20.0);
    Trace trace = uitest::makeTrace(spec);
    trace.input[1].content = question;
    summarize(trace);
    return trace;
}

// `perDay` requests a day, evenly spread, half on each model; log-normal prompts, answers and latency.
void fill(TraceStore& store, Shift lastDay, unsigned seed = 1, int firstIndex = 0, int days = kDays,
          int perDay = kPerDay, int fromDay = 0)
{
    std::mt19937 rng(seed);
    std::lognormal_distribution<double> prompt(std::log(400.0), 0.5), output(std::log(150.0), 0.5),
        latency(std::log(1200.0), 0.3);
    int index = firstIndex;
    for (int d = fromDay; d < fromDay + days; ++d)
        for (int i = 0; i < perDay; ++i, ++index) {
            const bool last = d == kDays - 1;
            const std::string model = i % 2 ? "claude-haiku" : "gpt-4o-mini";
            const double slow = last && model == "claude-haiku" ? lastDay.slowModel : 1.0;
            const Nanos start = kDay0 + d * kDay + i * (kDay / perDay) + kNsPerSec;
            store.write(generated(index, start, model, prompt(rng) * (last ? lastDay.prompt : 1.0), output(rng),
                                  latency(rng) * slow, kQuestions[rng() % kQuestions.size()]));
        }
    QVERIFY(store.flush());
}

bool drifted(const DriftPanel& panel, const std::string& id)
{
    const int row = panel.model()->rowOf(id);
    return row >= 0 && panel.model()->index(row, 0).data(DriftTableModel::DriftedRole).toBool();
}

} // namespace

class TestDriftPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void windowsArithmetic_data();
    void windowsArithmetic();
    void longerPromptsFlagPromptTokens();
    void slowerModelFlagsLatencyAndTheFilterNarrowsIt();
    void steadyTrafficFlagsNothing();
    void windowsCanBeSet();
    void followsNewTraces();
    void cancelDropsTheRead();
    void emptyWorkspaceSaysSo();
    void demoWorkspace();

private:
    std::unique_ptr<DriftPanel> openPanel(const QString& filterText = kUntil);
    // Sets the filter text and waits for the analysis it causes.
    bool refilter(DriftPanel& panel, const QString& text);

    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
    std::unique_ptr<ui::LiveFilter> filter_;
};

void TestDriftPanel::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    store_ = uitest::openTempStore(*dir_);
    filter_ = std::make_unique<ui::LiveFilter>();
}

void TestDriftPanel::cleanup()
{
    filter_.reset();
    store_.reset();
    dir_.reset();
}

std::unique_ptr<DriftPanel> TestDriftPanel::openPanel(const QString& filterText)
{
    filter_->setText(filterText);
    auto panel = std::make_unique<DriftPanel>(store_, filter_.get());
    QSignalSpy shown(panel.get(), &DriftPanel::analysisShown);
    panel->resize(1280, 800);
    panel->show(); // the first show reads
    if (!shown.wait(kWaitMs) || !panel->analysis())
        return nullptr;
    return panel;
}

bool TestDriftPanel::refilter(DriftPanel& panel, const QString& text)
{
    QSignalSpy shown(&panel, &DriftPanel::analysisShown);
    filter_->setText(text);
    return shown.wait(kWaitMs) && QTest::qWaitFor([&] { return panel.settled(); }, kWaitMs);
}

void TestDriftPanel::windowsArithmetic_data()
{
    QTest::addColumn<qint64>("current");
    QTest::addColumn<qint64>("baseline");
    QTest::addColumn<qint64>("rangeHours"); // 0: no range start
    QTest::addColumn<qint64>("endMinutes"); // past kDay0 + 8 days
    QTest::addColumn<qint64>("wantCurrent");
    QTest::addColumn<qint64>("wantBaseline");
    QTest::addColumn<qint64>("wantBucket");
    QTest::addColumn<qint64>("wantBuckets");
    QTest::newRow("a day against a week") << 24LL << 168LL << 0LL << 0LL << 24LL << 168LL << 24LL << 8LL;
    QTest::newRow("end rounded up to the hour") << 24LL << 168LL << 0LL << 25LL << 24LL << 168LL << 24LL << 8LL;
    QTest::newRow("six hours against a day: hourly") << 6LL << 24LL << 0LL << 0LL << 6LL << 24LL << 1LL << 30LL;
    QTest::newRow("auto on a week") << 0LL << 0LL << 168LL << 0LL << 24LL << 144LL << 24LL << 7LL;
    QTest::newRow("auto on a day") << 0LL << 0LL << 24LL << 0LL << 3LL << 21LL << 1LL << 24LL;
    QTest::newRow("auto on 30 days") << 0LL << 0LL << 720LL << 0LL << 96LL << 624LL << 24LL << 30LL;
    QTest::newRow("auto on a week and an hour: whole days") << 0LL << 0LL << 169LL << 0LL << 24LL << 144LL << 24LL
                                                             << 7LL;
    QTest::newRow("a day against 7 days and 6 hours: whole days charted")
        << 24LL << 174LL << 0LL << 0LL << 24LL << 174LL << 24LL << 8LL;
    QTest::newRow("auto current, fixed baseline") << 0LL << 24LL << 168LL << 0LL << 24LL << 24LL << 1LL << 48LL;
}

void TestDriftPanel::windowsArithmetic()
{
    QFETCH(qint64, current);
    QFETCH(qint64, baseline);
    QFETCH(qint64, rangeHours);
    QFETCH(qint64, endMinutes);
    QFETCH(qint64, wantCurrent);
    QFETCH(qint64, wantBaseline);
    QFETCH(qint64, wantBucket);
    QFETCH(qint64, wantBuckets);
    const Nanos end = kDay0 + 8 * kDay + endMinutes * 60 * kNsPerSec;
    const Nanos hourEnd = kDay0 + 8 * kDay + (endMinutes > 0 ? kHour : 0);
    const std::optional<Nanos> start = rangeHours ? std::optional<Nanos>(end - rangeHours * kHour) : std::nullopt;
    const DriftWindows w = windowsFor({current, baseline}, start, end);
    QCOMPARE(w.end, hourEnd);
    QCOMPARE(w.currentHours(), wantCurrent);
    QCOMPARE(w.baselineHours(), wantBaseline);
    QCOMPARE(w.bucketHours, wantBucket);
    QCOMPARE(w.bucketCount(), wantBuckets);
    QCOMPARE(w.bucketStart(w.bucketCount() - 1), w.end - wantBucket * kHour); // the last bucket ends at the end
    QVERIFY(w.bucketStart(0) >= w.baselineStart); // whole buckets only
    QVERIFY(w.bucketStart(0) - w.baselineStart < wantBucket * kHour);
}

void TestDriftPanel::longerPromptsFlagPromptTokens()
{
    fill(*store_, {.prompt = 2.0});
    const auto panel = openPanel();
    QVERIFY(panel);
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto a = panel->analysis();
    QCOMPARE(a->windows.split, kDay0 + 7 * kDay);
    QCOMPARE(a->windows.end, kDay0 + 8 * kDay);
    QCOMPARE(a->baseline.sums.requests, std::int64_t{7 * kPerDay});
    QCOMPARE(a->current.sums.requests, std::int64_t{kPerDay});
    QCOMPARE(a->report.driftedIds(), Ids{"prompt_tokens"});
    QVERIFY(drifted(*panel, "prompt_tokens"));
    QVERIFY(!drifted(*panel, "latency"));
    const analytics::DriftMetric* prompt = a->report.metric("prompt_tokens");
    QVERIFY2(prompt->current / prompt->baseline > 1.7 && prompt->current / prompt->baseline < 2.3,
             prompt->sentence.c_str());
    QVERIFY2(panel->headline().startsWith(u"Prompt tokens grew: median "_s), qPrintable(panel->headline()));
    QVERIFY(panel->windowBar()->datesText().contains(u"(7 days)"_s));
    QVERIFY(panel->windowBar()->datesText().contains(u"(1 day)"_s));
    // The table's cells: the drifted row says so.
    const int row = panel->model()->rowOf("prompt_tokens");
    QCOMPARE(panel->model()->index(row, DriftTableModel::Verdict).data().toString(), u"Drifted ▲"_s);
    QVERIFY(panel->model()->index(row, DriftTableModel::Change).data().toString().startsWith(u'+'));
    QCOMPARE(panel->model()->index(panel->model()->rowOf("latency"), DriftTableModel::Verdict).data().toString(),
             u"Steady"_s);
    // The first drifted metric is shown: daily medians, an alarm on the last day alone.
    QCOMPARE(panel->selectedMetric(), std::string("prompt_tokens"));
    const MetricSeries* series = a->seriesOf("prompt_tokens");
    QCOMPARE(series->values.size(), std::size_t{kDays});
    QCOMPARE(series->alarms, (std::vector<std::size_t>{kDays - 1}));
    QVERIFY(series->values.back() > 1.7 * series->baselineLevel);
    const auto& chart = panel->seriesChart()->data();
    QCOMPARE(chart.series.size(), 1);
    QCOMPARE(chart.alarms.size(), 1);
    QCOMPARE(chart.alarms.front().index, qsizetype{kDays - 1});
    QCOMPARE(chart.thresholds.size(), 1);
    QCOMPARE(chart.thresholds.front().value, series->baselineLevel);
    QVERIFY(a->seriesOf("latency")->alarms.empty());
    // Both windows' histograms, each adding up to all its requests.
    const auto& bars = panel->histogramChart()->data();
    QCOMPARE(bars.series.size(), 2);
    for (const auto& s : bars.series) {
        double sum = 0;
        for (const double v : s.values)
            sum += v;
        QVERIFY(std::abs(sum - 100) < 1e-6);
    }
    // Another metric: its own series, no alarm.
    panel->selectMetric("output_tokens");
    QCOMPARE(panel->seriesChart()->data().alarms.size(), 0);
    QVERIFY(panel->seriesChart()->data().title.startsWith(u"Median output tokens"_s));
    panel->selectMetric("error_rate");
    QVERIFY(panel->seriesChart()->hasChart());
    QVERIFY(!panel->histogramChart()->hasChart()); // a rate has no histogram
}

void TestDriftPanel::slowerModelFlagsLatencyAndTheFilterNarrowsIt()
{
    fill(*store_, {.slowModel = 2.0});
    const auto panel = openPanel();
    QVERIFY(panel);
    auto ids = panel->analysis()->report.driftedIds();
    QVERIFY2(std::find(ids.begin(), ids.end(), "latency") != ids.end(), panel->analysis()->report.summary.c_str());
    QVERIFY(!drifted(*panel, "prompt_tokens"));
    QVERIFY(!drifted(*panel, "output_tokens"));
    QCOMPARE(panel->selectedMetric(), std::string("latency"));
    QVERIFY(!panel->analysis()->seriesOf("latency")->alarms.empty());
    // The fast model alone: nothing moved.
    QVERIFY(refilter(*panel, u"model:gpt-4o-mini "_s + kUntil));
    QCOMPARE(panel->analysis()->baseline.sums.requests, std::int64_t{7 * kPerDay / 2});
    QCOMPARE(panel->analysis()->report.driftedIds(), Ids{});
    QVERIFY(panel->headline().startsWith(u"Nothing drifted"_s));
    QVERIFY(!panel->segmentsLabel()->isVisibleTo(panel.get())); // no model nor route drifted within it
    // Back to both: the slow model is named as a segment that drifted, and its link narrows the filter.
    QVERIFY(refilter(*panel, kUntil));
    const auto& segments = panel->analysis()->segments;
    QCOMPARE(segments.size(), std::size_t{1});
    QCOMPARE(text::filterTerm(segments.front()), u"model:claude-haiku"_s);
    QVERIFY(panel->segmentsLabel()->isVisibleTo(panel.get()));
    QVERIFY(panel->segmentsLabel()->text().contains(u">model:claude-haiku</a> (latency)"_s));
    QSignalSpy shown(panel.get(), &DriftPanel::analysisShown);
    Q_EMIT panel->segmentsLabel()->linkActivated(u"model:claude-haiku"_s);
    QCOMPARE(filter_->text(), kUntil + u" model:claude-haiku"_s);
    QVERIFY(shown.wait(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(panel->settled(), kWaitMs);
    // The slow model alone: latency doubled.
    QCOMPARE(panel->analysis()->report.driftedIds(), Ids{"latency"});
    const analytics::DriftMetric* latency = panel->analysis()->report.metric("latency");
    QVERIFY2(latency->current / latency->baseline > 1.7 && latency->current / latency->baseline < 2.3,
             latency->sentence.c_str());
    QVERIFY(panel->headline().startsWith(u"Latency grew: median 1."_s));
    QCOMPARE(panel->analysis()->seriesOf("latency")->alarms, (std::vector<std::size_t>{kDays - 1}));
}

void TestDriftPanel::steadyTrafficFlagsNothing()
{
    fill(*store_, {});
    const auto panel = openPanel();
    QVERIFY(panel);
    const auto a = panel->analysis();
    QVERIFY2(a->report.driftedIds().empty(), a->report.summary.c_str());
    QCOMPARE(panel->headline(), u"Nothing drifted: all 8 metrics within thresholds."_s);
    for (const MetricSeries& s : a->series)
        QVERIFY2(s.alarms.empty(), s.id.c_str());
    for (int row = 0; row < panel->model()->rowCount(); ++row)
        QCOMPARE(panel->model()->index(row, DriftTableModel::Verdict).data().toString(), u"Steady"_s);
    const analytics::DriftMetric* topics = a->report.metric("prompt_centroid");
    QVERIFY(topics && topics->judged);
    QCOMPARE(a->baselinePrompts, std::size_t{7 * kPerDay});
    QCOMPARE(a->currentPrompts, std::size_t{kPerDay});
    QCOMPARE(panel->selectedMetric(), std::string("prompt_tokens")); // nothing drifted: the first metric
}

void TestDriftPanel::windowsCanBeSet()
{
    fill(*store_, {.prompt = 2.0});
    const auto panel = openPanel();
    QVERIFY(panel);
    QSignalSpy shown(panel.get(), &DriftPanel::analysisShown);
    panel->setWindowChoice({24, 72});
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(panel->analysis()->windows.baselineHours(), std::int64_t{72});
    QCOMPARE(panel->analysis()->baseline.sums.requests, std::int64_t{3 * kPerDay});
    QCOMPARE(panel->windowBar()->baselineBox()->currentText(), u"3 days"_s);
    QVERIFY(panel->windowBar()->datesText().contains(u"(3 days)"_s));
    QCOMPARE(panel->analysis()->report.driftedIds(), Ids{"prompt_tokens"});
    // Auto over the traffic's whole range (the filter gives only an end): the last eighth against the rest.
    panel->setWindowChoice({kAuto, kAuto});
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(panel->analysis()->windows.currentHours(), std::int64_t{24});
    QCOMPARE(panel->analysis()->windows.baselineHours(), std::int64_t{168});
    QCOMPARE(panel->windowBar()->currentBox()->currentText(), u"Auto"_s);
    // A current window of six hours: still the longer prompts.
    panel->setWindowChoice({6, 168});
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(panel->analysis()->current.sums.requests, std::int64_t{kPerDay / 4});
    QCOMPARE(panel->analysis()->report.driftedIds(), Ids{"prompt_tokens"});
}

void TestDriftPanel::followsNewTraces()
{
    fill(*store_, {});
    const auto panel = openPanel();
    QVERIFY(panel);
    QVERIFY(panel->analysis()->report.driftedIds().empty());
    // Much longer prompts arrive on the last day: the panel reads again by itself.
    fill(*store_, {.prompt = 3.0}, 9, kDays * kPerDay, 1, 2 * kPerDay, kDays - 1);
    QTRY_VERIFY_WITH_TIMEOUT(drifted(*panel, "prompt_tokens"), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(panel->settled(), kWaitMs);
    QCOMPARE(panel->analysis()->current.sums.requests, std::int64_t{3 * kPerDay});
}

void TestDriftPanel::cancelDropsTheRead()
{
    fill(*store_, {});
    filter_->setText(kUntil);
    DriftPanel panel(store_, filter_.get());
    QSignalSpy shown(&panel, &DriftPanel::analysisShown);
    panel.refresh(); // hidden: only an explicit refresh reads
    QVERIFY(!panel.settled());
    panel.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(panel.statusText(), u"Cancelled: new traces wait for Refresh."_s, kWaitMs);
    QTest::qWait(300); // whatever the cancelled job still sends is dropped
    QCOMPARE(shown.count(), 0);
    QVERIFY(!panel.analysis());
    panel.refresh();
    QVERIFY(shown.wait(kWaitMs));
    QVERIFY(panel.settled());
    QCOMPARE(panel.analysis()->current.sums.requests, std::int64_t{kPerDay});
}

void TestDriftPanel::emptyWorkspaceSaysSo()
{
    const auto panel = openPanel();
    QVERIFY(panel);
    QVERIFY(panel->settled());
    QVERIFY(panel->headline().startsWith(u"Too little traffic to judge drift: 0 requests in the baseline"_s));
    QVERIFY(panel->seriesChart()->message().startsWith(u"No traffic matches the filter"_s));
    QCOMPARE(panel->model()->index(0, DriftTableModel::Verdict).data().toString(), u"Too little traffic"_s);
}

// Generated demo traffic through the real pipeline: both windows hold requests, every metric is
// judged, and the report adds up to what the rollups hold.
void TestDriftPanel::demoWorkspace()
{
    demo::Options options;
    options.days = 8;
    options.requestsPerDay = 120;
    const demo::Stats stats = demo::run(options, [&](Trace t) { store_->write(std::move(t)); });
    QVERIFY(store_->flush());
    QVERIFY(stats.requests > 300); // 960 on weekdays; weekends run at a third, and the last 8 days may hold two
    filter_->setRange(ui::LiveFilter::Range::Week);
    auto panel = openPanel(QString());
    QVERIFY(panel);
    const auto& report = panel->analysis()->report;
    QVERIFY(report.baselineRequests > 300);
    QVERIFY(report.currentRequests > 30);
    QVERIFY(report.baselineRequests + report.currentRequests <= stats.requests);
    QCOMPARE(report.metrics.size(), analytics::driftMetricIds().size());
    for (const auto& m : report.metrics)
        QVERIFY2(m.judged, m.id.c_str());
    QVERIFY(!report.summary.empty());
}

QTEST_MAIN(TestDriftPanel)
#include "test_drift_panel.moc"
