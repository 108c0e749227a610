// The Latency panel on a workspace of hand-built traces from the last three days: two models, one
// three times slower; what the panel reads from the rollups (percentiles, phases, histograms),
// the shared filter, the SLO verdict, grouping by route, and following new traces as they land.
#include "charts/bar_chart.h"
#include "charts/time_series_chart.h"
#include "demo/demo.h"
#include "latency/latency_panel.h"
#include "live/live_filter.h"
#include "model/time.h"
#include "trace_fixtures.h"

#include <QSignalSpy>
#include <optional>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui::latency;

namespace {

constexpr int kWaitMs = 15'000;
constexpr Nanos kHour = 3'600'000'000'000;

// Trace i: model "fast-model" (1 s) for even i, "slow-model" (3 s) for odd, one every 30 minutes
// going back from an hour ago.
Trace trafficTrace(int index, Nanos now, std::optional<Nanos> start = std::nullopt)
{
    uitest::TraceSpec spec;
    spec.index = index;
    spec.start = start.value_or(now - kHour - index * kHour / 2);
    spec.model = index % 2 ? "slow-model" : "fast-model";
    spec.durationMs = index % 2 ? 3000 : 1000;
    return uitest::makeTrace(spec);
}

bool near(double value, double expected, double tolerance = 0.045)
{
    return std::abs(value - expected) <= tolerance * expected;
}

} // namespace

class TestLatencyPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        dir_ = std::make_unique<QTemporaryDir>();
        store_ = uitest::openTempStore(*dir_);
        const Nanos now = wallNowNs();
        for (int i = 0; i < 120; ++i)
            store_->write(trafficTrace(i, now));
        QVERIFY(store_->flush());
        filter_ = std::make_unique<ui::LiveFilter>();
        panel_ = std::make_unique<LatencyPanel>(store_, filter_.get());
        panel_->setSloMs(0);
        panel_->resize(1200, 800);
        panel_->show();
        QTRY_VERIFY_WITH_TIMEOUT(panel_->settled() && panel_->analysis(), kWaitMs);
    }

    void cleanup()
    {
        panel_.reset();
        filter_.reset();
        store_.reset();
        dir_.reset();
    }

    void readsPercentilesPerModel()
    {
        const auto& s = panel_->analysis()->summary;
        QCOMPARE(s.overall.requests, std::int64_t{120});
        QCOMPARE(s.groups.size(), std::size_t{2});
        for (const auto& g : s.groups) {
            QCOMPARE(g.requests, std::int64_t{60});
            const double expected = g.name == "slow-model" ? 3000 : 1000;
            QVERIFY2(near(g.quantiles[0], expected), g.name.c_str());
            QVERIFY2(near(g.quantiles[3], expected), g.name.c_str());
            QVERIFY(near(g.ttftP50, 255)); // the call starts 5 ms in, its first token 250 ms later
        }
        // Half the requests take 3 s: p50 of all sits between, p95 at the slow model.
        QVERIFY(near(s.overall.quantiles[2], 3000));
        QVERIFY(s.granularity == analytics::Granularity::Day);
        QCOMPARE(panel_->groupTable()->rowCount(), 3);
        QCOMPARE(panel_->groupTable()->item(0, 1)->text(), u"120"_s);
    }

    void decomposesEachRequest()
    {
        const auto& s = panel_->analysis()->summary;
        // guard 1-4 ms, the call 5 ms to duration-5 ms with its first token after 250 ms.
        QVERIFY(near(s.overall.phases.guard, 3.0, 0.01));
        QVERIFY(near(s.overall.phases.network, 250.0, 0.01));
        QVERIFY(near(s.overall.phases.generation, (990 + 2990) / 2.0 - 250, 0.01));
        QVERIFY(near(s.overall.phases.other, 7.0, 0.01));
        QVERIFY(near(s.overall.phases.total(), 2000.0, 0.001));
        const auto& bars = panel_->phaseChart()->data();
        QCOMPARE(bars.categories.first(), u"All requests"_s);
        QCOMPARE(bars.series.size(), 7);
        QVERIFY(panel_->phaseChart()->hasChart());
        QVERIFY(panel_->latencyHistogram()->hasChart());
        std::int64_t counted = 0;
        for (double v : panel_->latencyHistogram()->data().series.first().values)
            counted += static_cast<std::int64_t>(v);
        QCOMPARE(counted, std::int64_t{120});
    }

    void sharedFilterNarrows()
    {
        QSignalSpy shown(panel_.get(), &LatencyPanel::analysisShown);
        filter_->setText(u"model:slow-model"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && panel_->settled(), kWaitMs);
        QCOMPARE(panel_->analysis()->summary.overall.requests, std::int64_t{60});
        QVERIFY(near(panel_->analysis()->summary.overall.quantiles[0], 3000));
        // A key the rollups do not keep is refused, with the last good filter still in force.
        filter_->setText(u"status:error"_s);
        QVERIFY(filter_->error().contains(u"rollups"_s));
        QCOMPARE(panel_->analysis()->summary.overall.requests, std::int64_t{60});
    }

    void sloVerdictAndLine()
    {
        panel_->setSloMs(2000);
        QVERIFY(panel_->headline().contains(u"missed in"_s));
        const auto& series = panel_->percentileChart()->data();
        QCOMPARE(series.thresholds.size(), 1);
        QCOMPARE(series.thresholds.first().value, 2000.0);
        QVERIFY(panel_->percentileChart()->csv().startsWith(u"time,fast-model,slow-model"_s));
        panel_->setSloMs(5000);
        QVERIFY(panel_->headline().contains(u"met in all"_s));
    }

    void shortRangesAreHourly()
    {
        QSignalSpy shown(panel_.get(), &LatencyPanel::analysisShown);
        filter_->setRange(ui::LiveFilter::Range::Day);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && panel_->settled(), kWaitMs);
        const auto& s = panel_->analysis()->summary;
        QVERIFY(s.granularity == analytics::Granularity::Hour);
        QVERIFY(s.overall.requests < 120); // traces go back 61 hours
        QVERIFY(s.overall.requests >= 44);
        QVERIFY(panel_->percentileChart()->data().xLabels.first().contains(u":00"_s));
    }

    void groupsByRoute()
    {
        QSignalSpy shown(panel_.get(), &LatencyPanel::analysisShown);
        panel_->setGroupByRoute(true);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && panel_->settled(), kWaitMs);
        const auto& s = panel_->analysis()->summary;
        QCOMPARE(s.groups.size(), std::size_t{1}); // no route spans: one group without a route
        QCOMPARE(s.groups.front().name, std::string());
        QCOMPARE(panel_->groupTable()->item(1, 0)->text(), u"(none)"_s);
    }

    void followsNewTraces()
    {
        QSignalSpy shown(panel_.get(), &LatencyPanel::analysisShown);
        const Nanos now = wallNowNs();
        for (int i = 120; i < 130; ++i)
            store_->write(trafficTrace(i, now, now - 2 * kHour));
        QVERIFY(store_->flush());
        QTRY_VERIFY_WITH_TIMEOUT(panel_->analysis()->summary.overall.requests == 130, kWaitMs);
        QVERIFY(!shown.isEmpty());
    }

    // Generated demo traffic through the real pipeline: every request is counted, model calls carry
    // the time, and the demo's routes show as groups.
    void demoWorkspace()
    {
        panel_.reset();
        QTemporaryDir demoDir;
        auto store = uitest::openTempStore(demoDir);
        demo::Options options;
        options.days = 2;
        options.requestsPerDay = 150;
        const demo::Stats stats = demo::run(options, [&](Trace t) { store->write(std::move(t)); });
        QVERIFY(store->flush());
        QVERIFY(stats.requests > 100);
        filter_->setRange(ui::LiveFilter::Range::All);
        LatencyPanel panel(store, filter_.get());
        panel.show();
        QTRY_VERIFY_WITH_TIMEOUT(panel.settled() && panel.analysis(), kWaitMs);
        const auto& s = panel.analysis()->summary;
        QCOMPARE(s.overall.requests, stats.requests);
        QVERIFY(s.groups.size() >= 3);
        QVERIFY(s.overall.quantiles[0] > 0 && s.overall.quantiles[0] <= s.overall.quantiles[3]);
        // The demo's virtual clock gives guards and caches no time; model calls have it all.
        QVERIFY(s.overall.phases.network > 0);
        QVERIFY(s.overall.phases.generation > 0);
        QVERIFY(s.overall.phases.total() >= s.overall.phases.network + s.overall.phases.generation);
        panel.setGroupByRoute(true);
        QTRY_VERIFY_WITH_TIMEOUT(panel.settled() && panel.analysis()->summary.groups.size() >= 2, kWaitMs);
        bool namedRoute = false;
        for (const auto& g : panel.analysis()->summary.groups)
            namedRoute = namedRoute || g.name == "writer-fast" || g.name == "rag-default" || g.name == "writer-premium";
        QVERIFY(namedRoute);
    }

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
    std::unique_ptr<ui::LiveFilter> filter_;
    std::unique_ptr<LatencyPanel> panel_;
};

QTEST_MAIN(TestLatencyPanel)
#include "test_latency_panel.moc"
