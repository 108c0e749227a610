// The usage report from a small workspace whose figures are worked out by hand: totals, by model,
// by day, the most frequent errors; the period widened to whole hours; filters the rollups keep
// and filters they do not.
#include "analytics/usage_report_read.h"
#include "model/attributes.h"
#include "qtest_std_string.h"
#include "trace_fixtures.h"

#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace ts;
using namespace ts::analytics;

namespace {

constexpr Nanos kHour = 3'600'000'000'000;
constexpr Nanos kJan1 = 1'767'225'600'000'000'000; // 2026-01-01T00:00Z
constexpr std::int64_t kJan1Hour = kJan1 / kHour;

Trace call(const char* id, Nanos start, const char* model, double ms, std::int64_t in, std::int64_t out,
           std::int64_t cached, double cost, std::optional<double> ttft, const char* error = nullptr)
{
    test::TraceSpec spec;
    spec.traceId = id;
    spec.start = start;
    spec.model = model;
    spec.durationMs = ms;
    spec.inputTokens = in;
    spec.outputTokens = out;
    spec.costUsd = cost;
    spec.ttftMs = ttft;
    spec.error = error != nullptr;
    Trace t = test::makeTrace(spec);
    t.spans[1].attributes[std::string(attr::kCacheReadTokens)] = cached;
    if (error)
        t.spans[0].statusMessage = error;
    return t;
}

// The bucket of the rollup histogram that holds the exact figure holds the estimate too.
bool sameBucket(double estimate, double exact)
{
    const int b = LogHistogram::bucketOf(exact);
    return estimate >= LogHistogram::lowerBound(b) * 0.999999 &&
           estimate <= LogHistogram::upperBound(b) * 1.000001;
}

} // namespace

class TestUsageReport : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    std::unique_ptr<TraceStore> store_;

    UsageReport report(const std::string& filter)
    {
        const FilterParse parsed = parseFilter(filter);
        if (!parsed.ok())
            qFatal("bad filter: %s", parsed.error.c_str());
        auto reader = store_->reader();
        return readUsageReport(*reader, parsed.filter);
    }

  private slots:
    void initTestCase()
    {
        // Jan 1: a (m-a, ok), b (m-a, error), c (m-b, ok, not streamed); Jan 2: d (m-b, error);
        // Jan 3: nothing; Jan 4: e (m-a, error "timeout").
        store_ = TraceStore::open(dir_.filePath(QStringLiteral("usage.db")).toStdString(),
                                  TraceStore::OpenMode::CreateIfMissing);
        store_->write(call("000000000000000000000000000000a1", kJan1 + 10 * kHour, "m-a", 1000, 100, 20, 10,
                           0.01, 250));
        store_->write(call("000000000000000000000000000000b2", kJan1 + 11 * kHour + kHour / 2, "m-a", 2000,
                           200, 40, 0, 0.02, 500, "upstream failed"));
        store_->write(call("000000000000000000000000000000c3", kJan1 + 12 * kHour, "m-b", 4000, 1000, 100,
                           300, 0.07, std::nullopt));
        store_->write(call("000000000000000000000000000000d4", kJan1 + 33 * kHour, "m-b", 500, 50, 10, 0, 0.0,
                           std::nullopt, "upstream failed"));
        store_->write(call("000000000000000000000000000000e5", kJan1 + 82 * kHour, "m-a", 1000, 100, 20, 5,
                           0.01, 250, "timeout"));
        QVERIFY(store_->flush());
    }

    void totalsAddUp()
    {
        const UsageReport r = report("");
        QVERIFY(!r.since && !r.until);
        QCOMPARE(r.totals.requests, std::int64_t{5});
        QCOMPARE(r.totals.errors, std::int64_t{3});
        QCOMPARE(r.totals.errorRate, 0.6);
        QCOMPARE(r.totals.inputTokens, std::int64_t{1450});
        QCOMPARE(r.totals.outputTokens, std::int64_t{190});
        QCOMPARE(r.totals.cachedTokens, std::int64_t{315});
        QVERIFY(qFuzzyCompare(r.totals.costUsd, 0.11));
        QCOMPARE(r.totals.costShare, 1.0);
        QVERIFY(sameBucket(r.totals.latencyP50Ms, 1000));
        QVERIFY(sameBucket(r.totals.latencyP95Ms, 4000));
        QVERIFY(r.totals.ttftP50Ms && sameBucket(*r.totals.ttftP50Ms, 250));
    }

    void modelsCostliestFirst()
    {
        const UsageReport r = report("");
        QCOMPARE(r.models.size(), std::size_t{2});
        const UsageLine& b = r.models[0];
        const UsageLine& a = r.models[1];
        QCOMPARE(b.name, std::string("m-b"));
        QCOMPARE(b.requests, std::int64_t{2});
        QCOMPARE(b.errors, std::int64_t{1});
        QCOMPARE(b.errorRate, 0.5);
        QCOMPARE(b.inputTokens, std::int64_t{1050});
        QCOMPARE(b.outputTokens, std::int64_t{110});
        QCOMPARE(b.cachedTokens, std::int64_t{300});
        QVERIFY(qFuzzyCompare(b.costUsd, 0.07));
        QVERIFY(qFuzzyCompare(b.costShare, 0.07 / 0.11));
        QVERIFY(sameBucket(b.latencyP50Ms, 500));
        QVERIFY(sameBucket(b.latencyP95Ms, 4000));
        QVERIFY(!b.ttftP50Ms); // neither streamed

        QCOMPARE(a.name, std::string("m-a"));
        QCOMPARE(a.requests, std::int64_t{3});
        QCOMPARE(a.errors, std::int64_t{2});
        QCOMPARE(a.inputTokens, std::int64_t{400});
        QCOMPARE(a.outputTokens, std::int64_t{80});
        QCOMPARE(a.cachedTokens, std::int64_t{15});
        QVERIFY(qFuzzyCompare(a.costUsd, 0.04));
        QVERIFY(qFuzzyCompare(a.costShare, 0.04 / 0.11));
        QVERIFY(sameBucket(a.latencyP50Ms, 1000));
        QVERIFY(sameBucket(a.latencyP95Ms, 2000));
        QVERIFY(a.ttftP50Ms && sameBucket(*a.ttftP50Ms, 250));
    }

    void everyDayFromFirstToLastEmptyOnesToo()
    {
        const UsageReport r = report("");
        QCOMPARE(r.days.size(), std::size_t{4});
        const std::int64_t requests[] = {3, 1, 0, 1}, errors[] = {1, 1, 0, 1};
        const double cost[] = {0.10, 0.0, 0.0, 0.01};
        for (std::size_t i = 0; i < 4; ++i) {
            QCOMPARE(r.days[i].hour, kJan1Hour + 24 * static_cast<std::int64_t>(i));
            QCOMPARE(r.days[i].requests, requests[i]);
            QCOMPARE(r.days[i].errors, errors[i]);
            QVERIFY(qFuzzyCompare(1.0 + r.days[i].costUsd, 1.0 + cost[i]));
        }
    }

    void theMostFrequentErrorsFirst()
    {
        const UsageReport r = report("");
        QCOMPARE(r.errors.size(), std::size_t{2});
        QCOMPARE(r.errors[0].message, std::string("upstream failed"));
        QCOMPARE(r.errors[0].count, std::int64_t{2});
        QCOMPARE(r.errors[1].message, std::string("timeout"));
        QCOMPARE(r.errors[1].count, std::int64_t{1});
    }

    void thePeriodIsWidenedToWholeHoursForEveryFigure()
    {
        // 11:45 takes in the whole 11:00 hour, so b (11:30) counts, in the totals and the errors alike.
        const UsageReport r = report("since:2026-01-01T11:45 until:2026-01-02T09:10");
        QCOMPARE(*r.since, kJan1 + 11 * kHour);
        QCOMPARE(*r.until, kJan1 + 34 * kHour);
        QCOMPARE(r.totals.requests, std::int64_t{3}); // b, c, d
        QCOMPARE(r.totals.errors, std::int64_t{2});
        QCOMPARE(r.errors.size(), std::size_t{1});
        QCOMPARE(r.errors[0].count, std::int64_t{2});
    }

    void aFilterTheRollupsKeepAndOneTheyDoNot()
    {
        const UsageReport byModel = report("model:m-a");
        QCOMPARE(byModel.totals.requests, std::int64_t{3});
        QCOMPARE(byModel.models.size(), std::size_t{1});
        QCOMPARE(byModel.errors.size(), std::size_t{2});
        // cost > 0.005 is per trace: the report reads the rows (a, b, c, e) into the same figures.
        const UsageReport costly = report("cost>0.005");
        QCOMPARE(costly.totals.requests, std::int64_t{4});
        QCOMPARE(costly.totals.errors, std::int64_t{2});
        QCOMPARE(costly.totals.inputTokens, std::int64_t{1400});
        QVERIFY(sameBucket(costly.totals.latencyP95Ms, 4000));
        QCOMPARE(costly.days.size(), std::size_t{4});
        QCOMPARE(costly.days[1].requests, std::int64_t{0});
        const UsageReport failed = report("status:error");
        QCOMPARE(failed.totals.requests, std::int64_t{3});
        QCOMPARE(failed.totals.errorRate, 1.0);
    }

    void anEmptyWorkspaceGivesAnEmptyReport()
    {
        QTemporaryDir dir;
        auto empty = TraceStore::open(dir.filePath(QStringLiteral("empty.db")).toStdString(),
                                      TraceStore::OpenMode::CreateIfMissing);
        auto reader = empty->reader();
        const UsageReport r = readUsageReport(*reader, {});
        QCOMPARE(r.totals.requests, std::int64_t{0});
        QVERIFY(r.models.empty() && r.days.empty() && r.errors.empty());
    }

    void theTallyCutsLongMessagesAndBoundsItsMemory()
    {
        ErrorTally tally;
        const std::string longMessage = std::string(199, 'x') + "é and more"; // é straddles byte 200
        tally.add(longMessage);
        tally.add(longMessage + " differing after the cut");
        tally.add("");
        for (int i = 0; i < 10'005; ++i)
            tally.add("distinct " + std::to_string(i));
        const auto top = tally.top(3);
        QCOMPARE(top[0].message, std::string("(other messages)"));
        QCOMPARE(top[0].count, std::int64_t{7}); // 10,000 distinct kept, less the two already held
        QCOMPARE(top[1].message, std::string(199, 'x'));
        QCOMPARE(top[1].count, std::int64_t{2});
        QCOMPARE(top[2].count, std::int64_t{1});
    }
};

QTEST_APPLESS_MAIN(TestUsageReport)
#include "test_usage_report.moc"
