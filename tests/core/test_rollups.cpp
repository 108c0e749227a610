// The store's hourly rollups (issue #8): every written trace is in exactly one row, a replaced trace
// moves its contribution, filters select rows, a version-3 workspace is rolled up when it opens,
// and the per-trace facts (route, phases, refusals) the rows group by. Also the log histogram the
// rows carry, and its BLOB form.
#include "analytics/budget_projection.h"
#include "analytics/rollup_cube.h"
#include "model/attributes.h"
#include "model/log_histogram.h"
#include "model/trace_facts.h"
#include "qtest_std_string.h"
#include "trace/blob_codec.h"
#include "trace/filter_sql.h"
#include "trace/migrations.h"
#include "trace/rollup_codec.h"
#include "trace/sqlite_connection.h"
#include "trace/store.h"
#include "trace/workspace_open.h"
#include "trace_fixtures.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>
#include <map>
#include <random>

using namespace ts;

namespace {

constexpr Nanos kHour = 3'600'000'000'000;
constexpr Nanos kBase = 1'767'225'600'000'000'000; // 2026-01-01T00:00Z

std::vector<RollupRow> allRows(TraceReader& reader, const TraceFilter& filter = {},
                               RollupDetail detail = RollupDetail::Full)
{
    std::vector<RollupRow> rows;
    reader.rollups(filter, true, [&](const RollupRow& row) { rows.push_back(row); }, nullptr, detail);
    return rows;
}

Span child(const Span& parent, std::string name, std::string stage, Nanos from, Nanos to)
{
    Span s;
    s.traceId = parent.traceId;
    s.spanId = newSpanId();
    s.parentSpanId = parent.spanId;
    s.name = std::move(name);
    s.start = from;
    s.end = to;
    if (!stage.empty())
        s.attributes[std::string(attr::kStage)] = std::move(stage);
    return s;
}

} // namespace

class TestRollups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTraceIsCountedOnce()
    {
        auto store = open("counted.db");
        std::mt19937_64 rng(7);
        const std::vector<std::string> models{"gpt-4o", "gpt-4o-mini", "claude-sonnet-4"};
        std::map<std::pair<std::int64_t, std::string>, std::int64_t> expected;
        double cost = 0;
        std::int64_t errors = 0;
        for (int i = 0; i < 400; ++i) {
            test::TraceSpec spec;
            spec.start = kBase + static_cast<Nanos>(rng() % (30 * kHour));
            spec.model = models[rng() % models.size()];
            spec.user = "u" + std::to_string(rng() % 5);
            spec.tags = rng() % 2 ? "rag,kb:docs" : "chat";
            spec.costUsd = static_cast<double>(rng() % 1000) / 1e5;
            spec.durationMs = 50.0 + static_cast<double>(rng() % 5000);
            spec.error = rng() % 10 == 0;
            errors += spec.error ? 1 : 0;
            cost += spec.costUsd;
            ++expected[{rollupHourOf(spec.start), spec.model}];
            store->write(test::makeTrace(spec));
        }
        QVERIFY(store->flush());
        auto reader = store->reader();
        std::map<std::pair<std::int64_t, std::string>, std::int64_t> seen;
        std::int64_t requests = 0, errorsSeen = 0, latencyCounts = 0;
        double costSeen = 0;
        for (const RollupRow& row : allRows(*reader)) {
            seen[{row.key.hour, row.key.model}] += row.m.requests;
            requests += row.m.requests;
            errorsSeen += row.m.errors;
            costSeen += row.m.costUsd;
            for (const auto& [bucket, count] : row.m.latency)
                latencyCounts += count;
        }
        QCOMPARE(requests, std::int64_t{400});
        QCOMPARE(latencyCounts, std::int64_t{400});
        QCOMPARE(errorsSeen, errors);
        QVERIFY(std::abs(costSeen - cost) < 1e-9);
        QCOMPARE(seen, expected);
        // The model-level table holds the same requests in fewer rows, without users and tags.
        const auto modelRows = allRows(*reader, {}, RollupDetail::ModelLevel);
        QVERIFY(modelRows.size() < allRows(*reader).size());
        std::map<std::pair<std::int64_t, std::string>, std::int64_t> modelSeen;
        for (const RollupRow& row : modelRows) {
            QVERIFY(row.key.user.empty() && row.key.tags.empty());
            modelSeen[{row.key.hour, row.key.model}] += row.m.requests;
        }
        QCOMPARE(modelSeen, expected);
        // A filter on user reads the full table whatever was asked.
        std::int64_t ofUser = 0;
        for (const RollupRow& row : allRows(*reader, parseFilter("user:u1").filter, RollupDetail::ModelLevel)) {
            QCOMPARE(row.key.user, std::string("u1"));
            ofUser += row.m.requests;
        }
        QVERIFY(ofUser > 0);
    }

    void replacingATraceMovesItsContribution()
    {
        auto store = open("replace.db");
        test::TraceSpec spec;
        spec.traceId = "0123456789abcdef0123456789abcdef";
        spec.model = "gpt-4o";
        spec.costUsd = 0.5;
        store->write(test::makeTrace(spec));
        test::TraceSpec other;
        other.model = "gpt-4o";
        other.costUsd = 0.25;
        store->write(test::makeTrace(other));
        QVERIFY(store->flush());
        spec.model = "claude-sonnet-4";
        spec.start += 5 * kHour;
        spec.costUsd = 2.0;
        store->write(test::makeTrace(spec)); // same trace id: replaces the first
        QVERIFY(store->flush());
        auto rows = allRows(*store->reader());
        QCOMPARE(rows.size(), std::size_t{2});
        std::map<std::string, RollupMeasures> byModel;
        for (const RollupRow& row : rows)
            byModel[row.key.model] = row.m;
        QCOMPARE(byModel["gpt-4o"].requests, std::int64_t{1});
        QCOMPARE(byModel["gpt-4o"].costUsd, 0.25);
        QCOMPARE(byModel["gpt-4o"].latency.size(), std::size_t{1});
        QCOMPARE(byModel["claude-sonnet-4"].requests, std::int64_t{1});
        QCOMPARE(byModel["claude-sonnet-4"].costUsd, 2.0);
        QCOMPARE(allRows(*store->reader(), {}, RollupDetail::ModelLevel).size(), std::size_t{2});
        // Replaced twice within one batch: still one request.
        store->write(test::makeTrace(spec));
        store->write(test::makeTrace(spec));
        QVERIFY(store->flush());
        std::int64_t total = 0;
        for (const RollupRow& row : allRows(*store->reader()))
            total += row.m.requests;
        QCOMPARE(total, std::int64_t{2});
    }

    void filtersSelectRows()
    {
        auto store = open("filters.db");
        for (int i = 0; i < 6; ++i) {
            test::TraceSpec spec;
            spec.start = kBase + i * kHour + 10 * kNsPerSec;
            spec.model = i % 2 ? "gpt-4o" : "gpt-4o-mini";
            spec.user = i < 3 ? "ada" : "bob";
            spec.tags = i == 0 ? "rag,kb:docs" : "chat";
            store->write(test::makeTrace(spec));
        }
        QVERIFY(store->flush());
        auto reader = store->reader();
        auto count = [&](const std::string& text) {
            const FilterParse parse = parseFilter(text);
            std::int64_t n = 0;
            for (const RollupRow& row : allRows(*reader, parse.filter))
                n += row.m.requests;
            return n;
        };
        QCOMPARE(count(""), std::int64_t{6});
        QCOMPARE(count("model:gpt-4o"), std::int64_t{3});
        QCOMPARE(count("model:gpt-4o user:bob"), std::int64_t{2});
        QCOMPARE(count("tag:kb:docs"), std::int64_t{1});
        QCOMPARE(count("-tag:chat"), std::int64_t{1});
        // Whole hours: since 01:30 takes the row of hour 01 in.
        QCOMPARE(count("since:2026-01-01T01:30 until:2026-01-01T03:00"), std::int64_t{2});
        QVERIFY(!filter::rollupFilterProblem(parseFilter("status:error").filter).empty());
        QVERIFY(!filter::rollupFilterProblem(parseFilter("cost>1").filter).empty());
        QVERIFY(!filter::rollupFilterProblem(parseFilter("hello").filter).empty());
        QVERIFY(filter::rollupFilterProblem(parseFilter("route:x source:demo").filter).empty());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, allRows(*reader, parseFilter("status:error").filter));
    }

    void versionThreeWorkspaceIsRolledUpOnOpen()
    {
        const std::string path = dir_.filePath(QStringLiteral("v3.db")).toStdString();
        workspace::Migrations v3 = workspace::migrations();
        v3.resize(3);
        {
            sql::Connection db = workspace::openWorkspace(path, TraceStore::OpenMode::CreateIfMissing, 1000, v3);
            db.exec("INSERT INTO traces (trace_id, start_ns, duration_ms, model, cost_usd, user, tags) VALUES "
                    "('a', 1767225600000000000, 100, 'gpt-4o', 0.5, 'ada', 'x'), "
                    "('b', 1767225700000000000, 300, 'gpt-4o', 0.25, 'ada', 'x'), "
                    "('c', 1767232800000000000, 900, 'o3', 1.0, 'bob', '')");
        }
        auto store = TraceStore::open(path, TraceStore::OpenMode::ExistingOnly);
        auto rows = allRows(*store->reader());
        QCOMPARE(rows.size(), std::size_t{2});
        std::map<std::string, RollupMeasures> byModel;
        for (const RollupRow& row : rows)
            byModel[row.key.model] = row.m;
        QCOMPARE(byModel["gpt-4o"].requests, std::int64_t{2});
        QCOMPARE(byModel["gpt-4o"].costUsd, 0.75);
        QCOMPARE(byModel["o3"].durationMs, 900.0);
        QCOMPARE(allRows(*store->reader(), {}, RollupDetail::ModelLevel).size(), std::size_t{2});
        // And it keeps counting new traces.
        store->write(test::makeTrace({}));
        QVERIFY(store->flush());
        QCOMPARE(allRows(*store->reader()).size(), std::size_t{3});
    }

    void factsSayWhereTheTimeWent()
    {
        Trace trace;
        trace.traceId = newTraceId();
        Span root;
        root.traceId = trace.traceId;
        root.spanId = newSpanId();
        root.start = 0;
        root.end = 1000 * kNsPerMs;
        trace.spans.push_back(root);
        Span guard = child(root, "guard.input", "guard.input", 0, 10 * kNsPerMs);
        guard.attributes[std::string(attr::kGuardFindings)] = std::int64_t{2};
        Span cache = child(root, "cache.lookup", "cache.lookup", 10 * kNsPerMs, 15 * kNsPerMs);
        Span route = child(root, "route writer-fast", "route", 15 * kNsPerMs, 915 * kNsPerMs);
        route.attributes[std::string(attr::kRoute)] = std::string("writer-fast");
        // A failed attempt, a 100 ms back-off, then a streamed call: 200 ms to the first token, 400 ms after.
        Span failed = child(route, "chat gpt-4o", "llm.call", 15 * kNsPerMs, 215 * kNsPerMs);
        Span call = child(route, "chat gpt-4o", "llm.call", 315 * kNsPerMs, 915 * kNsPerMs);
        call.attributes[std::string(attr::kTimeToFirstChunk)] = 0.2;
        call.attributes[std::string(attr::kRequestStream)] = true;
        Span out = child(root, "guard.output", "guard.output", 915 * kNsPerMs, 925 * kNsPerMs);
        out.attributes["tokenscope.guard.blocked"] = true;
        for (Span* s : {&guard, &cache, &route, &failed, &call, &out})
            trace.spans.push_back(*s);
        trace.output = {Message{Role::Assistant, "I'm sorry, but I can't help with that.", {}, {}, {}}};
        const TraceFacts facts = factsOf(trace);
        QCOMPARE(facts.route, std::string("writer-fast"));
        QCOMPARE(facts.guardFindings, 2);
        QVERIFY(facts.guardBlocked);
        QVERIFY(facts.streamed);
        QVERIFY(facts.refused);
        QCOMPARE(facts.phases.guardMs, 20.0);
        QCOMPARE(facts.phases.cacheMs, 5.0);
        QCOMPARE(facts.phases.networkMs, 400.0); // the failed attempt had no first token: all of it
        QCOMPARE(facts.phases.generationMs, 400.0);
        QCOMPARE(facts.phases.queueMs, 100.0);
        QCOMPARE(facts.phases.otherMs, 75.0);
        QCOMPARE(facts.phases.total(), 1000.0);
    }

    void nestedPipelinesCountEachMillisecondOnce()
    {
        // An agent: root 10 s; a step (its own pipeline: guards, cache, a route with one 2 s call) and a
        // 500 ms tool that itself calls a model for 300 ms.
        Trace trace;
        trace.traceId = newTraceId();
        Span root;
        root.traceId = trace.traceId;
        root.spanId = newSpanId();
        root.end = 10'000 * kNsPerMs;
        Span step = child(root, "chat gpt-4o", "", 0, 2'200 * kNsPerMs);
        Span guard = child(step, "guard.input", "guard.input", 0, 50 * kNsPerMs);
        Span cache = child(step, "cache.lookup", "cache.lookup", 50 * kNsPerMs, 70 * kNsPerMs);
        Span route = child(step, "route r", "route", 70 * kNsPerMs, 2'070 * kNsPerMs);
        Span call = child(route, "chat gpt-4o", "llm.call", 70 * kNsPerMs, 2'070 * kNsPerMs);
        Span out = child(step, "guard.output", "guard.output", 2'070 * kNsPerMs, 2'100 * kNsPerMs);
        Span tool = child(root, "execute_tool search", "", 3'000 * kNsPerMs, 3'500 * kNsPerMs);
        Span inner = child(tool, "chat gpt-4o-mini", "llm.call", 3'100 * kNsPerMs, 3'400 * kNsPerMs);
        trace.spans = {root, step, guard, cache, route, call, out, tool, inner};
        const TracePhases p = factsOf(trace).phases;
        QCOMPARE(p.guardMs, 80.0);
        QCOMPARE(p.cacheMs, 20.0);
        QCOMPARE(p.networkMs, 2'000.0);
        QCOMPARE(p.toolsMs, 500.0);
        QCOMPARE(p.queueMs, 0.0);
        QCOMPARE(p.total(), 10'000.0);
    }

    void refusalsAreOpeningsNotMentions()
    {
        QVERIFY(looksLikeRefusal("  I\xE2\x80\x99m sorry, but I can\xE2\x80\x99t share that."));
        QVERIFY(looksLikeRefusal("I cannot assist with this request."));
        QVERIFY(!looksLikeRefusal("Here is why a model might say \"I can't help with that\"."));
        QVERIFY(!looksLikeRefusal(""));
    }

    void histogramQuantilesAreClose()
    {
        std::mt19937_64 rng(3);
        std::lognormal_distribution<double> latency(6.0, 0.8);
        LogHistogram h;
        std::vector<double> values;
        for (int i = 0; i < 20000; ++i) {
            values.push_back(latency(rng));
            h.add(values.back());
        }
        std::sort(values.begin(), values.end());
        for (double q : {0.5, 0.9, 0.95, 0.99}) {
            const double exact = values[static_cast<std::size_t>(q * (values.size() - 1))];
            QVERIFY2(std::abs(h.quantile(q) - exact) / exact < 0.045, qPrintable(QString::number(q)));
        }
        QCOMPARE(h.total(), std::int64_t{20000});
        QCOMPARE(LogHistogram().quantile(0.5), 0.0);
        QCOMPARE(LogHistogram::bucketOf(-1), 0);
        QCOMPARE(LogHistogram::bucketOf(std::nan("")), 0);
        QCOMPARE(LogHistogram::bucketOf(std::numeric_limits<double>::infinity()), LogHistogram::kBuckets - 1);
        QVERIFY(LogHistogram::bucketOf(1e300) == LogHistogram::kBuckets - 1);
    }

    void sparseHistogramsAddAndSubtract()
    {
        LogHistogram::Sparse a{{3, 2}, {7, 1}};
        mergeSparse(a, {{1, 4}, {7, 2}}, 1);
        QCOMPARE(a, (LogHistogram::Sparse{{1, 4}, {3, 2}, {7, 3}}));
        mergeSparse(a, {{1, 4}, {7, 3}}, -1);
        QCOMPARE(a, (LogHistogram::Sparse{{3, 2}}));
        const std::string bytes = codec::histogramToBytes(a);
        QCOMPARE(codec::histogramFromBytes(bytes), a);
        QVERIFY_THROWS_EXCEPTION(codec::CorruptValue, codec::histogramFromBytes("\x80"));
        QVERIFY_THROWS_EXCEPTION(codec::CorruptValue, codec::histogramFromBytes(std::string("\xF4\x03\x02", 3)));
    }

    void cubeSplitsTagsAndDays()
    {
        analytics::RollupCube cube(analytics::Granularity::Day, analytics::Dimension::Tag);
        RollupRow a;
        a.key.hour = rollupHourOf(kBase) + 3;
        a.key.tags = "rag, kb:docs";
        a.m.requests = 2;
        a.m.costUsd = 1.0;
        RollupRow b = a;
        b.key.hour += 30; // the next day
        b.key.tags = "";
        b.m.requests = 1;
        cube.add(a);
        cube.add(b);
        QCOMPARE(cube.total().sums.requests, std::int64_t{3});
        QCOMPARE(cube.groups().at("rag").sums.requests, std::int64_t{2});
        QCOMPARE(cube.groups().at("kb:docs").sums.costUsd, 1.0);
        QCOMPARE(cube.groups().at("").sums.requests, std::int64_t{1});
        QCOMPARE(cube.buckets().size(), std::size_t{2});
        QCOMPARE(cube.buckets().front() % 24, std::int64_t{0});
        QVERIFY(cube.cell(cube.buckets().back(), "rag") == nullptr);
    }

    void budgetProjectsThePace()
    {
        // 10 days into a 31-day month at $10 a day, limit $250: $100 spent, $310 projected, runs out on day 25.
        const Nanos month = 1'767'225'600'000'000'000; // 2026-01-01
        const Nanos now = month + 10 * 24 * kHour;
        std::vector<double> hourly(10 * 24, 10.0 / 24.0);
        const auto burn = analytics::projectBudget(analytics::BudgetWindow::Month, 250.0, now, hourly);
        QCOMPARE(burn.periodEnd - burn.periodStart, 31 * 24 * kHour);
        QVERIFY(std::abs(burn.spentUsd - 100.0) < 1e-9);
        QVERIFY(std::abs(burn.projectedUsd - 310.0) < 1e-6);
        QVERIFY(std::abs(burn.pacePerDayUsd - 10.0) < 1e-9);
        QVERIFY(burn.runsOutAt);
        QVERIFY(std::abs(*burn.runsOutAt - (now + 15 * 24 * kHour)) < kNsPerSec);
        QCOMPARE(burn.cumulativeByHour.size(), std::size_t{240});
        const auto calm = analytics::projectBudget(analytics::BudgetWindow::Month, 1000.0, now, hourly);
        QVERIFY(!calm.runsOutAt);
        // Five minutes into a day, $1 spent: $12 an hour, not $1.
        const auto early = analytics::projectBudget(analytics::BudgetWindow::Day, 100.0, month + 5 * 60 * kNsPerSec, {1.0});
        QVERIFY(std::abs(early.pacePerDayUsd - 288.0) < 1e-6);
        QVERIFY(early.runsOutAt);
    }

private:
    std::unique_ptr<TraceStore> open(const char* name)
    {
        return TraceStore::open(dir_.filePath(QString::fromLatin1(name)).toStdString(),
                                TraceStore::OpenMode::CreateIfMissing);
    }

    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestRollups)
#include "test_rollups.moc"
