// Deleting traces (issue #9): every part of a deleted trace goes, the hourly rollups lose exactly
// what it added (they equal a rebuild from the traces left, column by column), the search index
// forgets its words, other connections notice, other writers keep writing, and a cancelled deletion
// leaves a consistent store.
#include "care_fixtures.h"
#include "qtest_std_string.h"
#include "trace/sqlite_connection.h"
#include "trace/store.h"

#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cmath>
#include <functional>
#include <thread>

using namespace ts;

namespace {

constexpr Nanos kBase = 1'767'225'600'000'000'000; // 2026-01-01T00:00Z
constexpr Nanos kHour = 3'600'000'000'000;

bool hasTag(const TraceSummary& s, const std::string& tag)
{
    return ("," + s.tags + ",").find("," + tag + ",") != std::string::npos;
}

} // namespace

class TestStoreDelete : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;

    std::string path(const char* name) const { return dir_.filePath(QString::fromUtf8(name)).toStdString(); }

    static std::unique_ptr<TraceStore> open(const std::string& at, const StoreOptions& options = {})
    {
        return TraceStore::open(at, TraceStore::OpenMode::CreateIfMissing, options);
    }

    // `count` traces over `hours` hours, summarised as the store sees them; trace i's messages hold "w<i>".
    static std::vector<Trace> fill(TraceStore& store, int count, std::uint64_t seed, int hours = 48)
    {
        std::mt19937_64 rng(seed);
        std::vector<Trace> traces;
        for (int i = 0; i < count; ++i) {
            Trace trace = test::variedTrace(rng, kBase, hours, "w" + std::to_string(i));
            summarize(trace);
            store.write(trace);
            traces.push_back(std::move(trace));
        }
        if (!store.flush())
            qFatal("cannot fill the workspace: %s", store.lastError().c_str());
        return traces;
    }

    static std::vector<RollupRow> rollupsOf(const std::string& at, RollupDetail detail = RollupDetail::Full)
    {
        sql::Connection db(at, sql::Connection::Mode::ReadOnly);
        return test::storedRollups(db, detail);
    }

    // The workspace holds exactly `kept`: every table, the search index and both rollup tables.
    static void checkHoldsExactly(const std::string& at, const std::vector<Trace>& kept)
    {
        sql::Connection db(at, sql::Connection::Mode::ReadWrite);
        auto text = [](const std::map<std::string, std::int64_t>& counts) {
            std::string out;
            for (const auto& [table, rows] : counts)
                out += table + '=' + std::to_string(rows) + ' ';
            return out;
        };
        QCOMPARE(text(test::tableCounts(db)), text(test::expectedCounts(kept)));
        // FTS5 checks its index against the messages; an index row left behind fails it.
        db.exec("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')");
        const std::string drift = test::rollupsDrift(at);
        QVERIFY2(drift.empty(), drift.c_str());
    }

  private Q_SLOTS:
    void deletingByIdTakesEverythingOfThoseTraces()
    {
        const std::string at = path("ids.db");
        auto store = open(at);
        const std::vector<Trace> traces = fill(*store, 300, 1, 4); // four hours: rows of several traces
        const std::vector<RollupRow> before = rollupsOf(at, RollupDetail::ModelLevel);
        std::vector<std::string> ids;
        std::vector<Trace> kept;
        double cost = 0;
        for (size_t i = 0; i < traces.size(); ++i) {
            if (i % 7 == 0) {
                ids.push_back(traces[i].traceId);
                cost += traces[i].summary.costUsd;
            } else {
                kept.push_back(traces[i]);
            }
        }
        const std::string unknown = "ffffffffffffffffffffffffffffffff";
        ids.push_back(unknown);
        ids.push_back(ids.front()); // named twice, deleted once

        const DeleteResult preview = store->previewDelete(ids);
        QCOMPARE(preview.traces, std::int64_t{43});
        QCOMPARE(store->reader()->count({}), std::int64_t{300});
        const DeleteResult result = store->deleteTraces(ids);
        QCOMPARE(result.traces, std::int64_t{43});
        QVERIFY(std::abs(result.costUsd - cost) < 1e-12);
        QCOMPARE(result.notFound, std::vector<std::string>{unknown});
        QVERIFY(!result.cancelled);

        checkHoldsExactly(at, kept);
        // The comparison with a rebuild above tests every column: rows that stay changed in each.
        std::string unexercised;
        for (const std::string& column :
             test::unexercisedColumns(before, rollupsOf(at, RollupDetail::ModelLevel)))
            unexercised += column + ' ';
        QCOMPARE(unexercised, std::string());
        auto reader = store->reader();
        QCOMPARE(reader->count(parseFilter("w7").filter), std::int64_t{0});
        QCOMPARE(reader->count(parseFilter("w8").filter), std::int64_t{1});
        QVERIFY(!reader->load(traces[7].traceId));
        QVERIFY(reader->load(traces[8].traceId));
        // Again: nothing left to delete, the ids are reported as not found.
        QCOMPARE(store->deleteTraces(std::vector<std::string>{traces[7].traceId}).notFound.size(),
                 std::size_t{1});
    }

    void deletingByFilterTakesWhatTheFilterSelects()
    {
        struct Case
        {
            const char* filter;
            std::function<bool(const TraceSummary&, size_t index)> selects;
        };
        const Case cases[] = {
            {"w5", [](const TraceSummary&, size_t i) { return i == 5; }},
            {"model:gpt-4o user:ada",
             [](const TraceSummary& s, size_t) { return s.model == "gpt-4o" && s.user == "ada"; }},
            {"status:error", [](const TraceSummary& s, size_t) { return s.status == "error"; }},
            {"tag:rag cost>0.005",
             [](const TraceSummary& s, size_t) { return hasTag(s, "rag") && s.costUsd > 0.005; }},
            {"since:2026-01-01T12:00 until:2026-01-02T00:00",
             [](const TraceSummary& s, size_t) {
                 return s.start >= kBase + 12 * kHour && s.start < kBase + 24 * kHour;
             }},
        };
        const std::string at = path("filter.db");
        auto store = open(at);
        const std::vector<Trace> traces = fill(*store, 400, 2);
        std::vector<bool> gone(traces.size(), false);
        auto reader = store->reader();
        for (const Case& c : cases) {
            const TraceFilter filter = parseFilter(c.filter).filter;
            std::int64_t expected = 0;
            for (size_t i = 0; i < traces.size(); ++i)
                if (!gone[i] && c.selects(traces[i].summary, i)) {
                    gone[i] = true;
                    ++expected;
                }
            QVERIFY2(expected > 0, c.filter);
            const DeleteResult preview = store->previewDelete(filter);
            QCOMPARE(preview.traces, reader->count(filter));
            QVERIFY(std::abs(preview.costUsd - reader->totalCost(filter)) < 1e-12);
            const DeleteResult result = store->deleteTraces(filter);
            QCOMPARE(result.traces, expected);
            QCOMPARE(result.traces, preview.traces);
            QCOMPARE(reader->count(filter), std::int64_t{0});
            std::vector<Trace> kept;
            for (size_t i = 0; i < traces.size(); ++i)
                if (!gone[i])
                    kept.push_back(traces[i]);
            checkHoldsExactly(at, kept);
        }
    }

    void otherConnectionsNoticeTheDeletion()
    {
        const std::string at = path("noticed.db");
        auto store = open(at);
        fill(*store, 60, 3);
        StoreOptions watching;
        watching.watchIntervalMs = 20;
        auto other = TraceStore::open(at, TraceStore::OpenMode::ExistingOnly, watching);
        std::atomic<int> heardThere{0}, heardHere{0};
        other->subscribe([&] { ++heardThere; });
        store->subscribe([&] { ++heardHere; });
        auto reader = other->reader();
        const std::uint64_t version = reader->dataVersion();
        const std::int64_t count = reader->count({});

        const DeleteResult result = store->deleteTraces(parseFilter("model:gpt-4o").filter);
        QVERIFY(result.traces > 0);
        QVERIFY(reader->dataVersion() != version);
        QCOMPARE(reader->count({}), count - result.traces);
        QVERIFY(heardHere.load() > 0); // this process's listeners hear of it at once
        QTRY_VERIFY_WITH_TIMEOUT(heardThere.load() > 0, 2000);
    }

    void cancellingStopsBetweenBatchesAndKeepsTheStoreConsistent()
    {
        const std::string at = path("cancel.db");
        StoreOptions small;
        small.deleteBatch = 10;
        auto store = open(at, small);
        const std::vector<Trace> traces = fill(*store, 120, 4);
        CancelToken cancel;
        std::vector<std::int64_t> seen;
        const DeleteResult result =
            store->deleteTraces(TraceFilter{}, &cancel, [&](std::int64_t deleted, std::int64_t selected) {
                seen.push_back(deleted);
                if (selected != 120)
                    qFatal("selected %lld", static_cast<long long>(selected));
                if (deleted >= 20)
                    cancel.cancel();
            });
        QVERIFY(result.cancelled);
        QCOMPARE(result.traces, std::int64_t{20});
        QCOMPARE(seen, (std::vector<std::int64_t>{10, 20}));
        // Rows are deleted in the order they were written: the first twenty went.
        checkHoldsExactly(at, std::vector<Trace>(traces.begin() + 20, traces.end()));

        const DeleteResult rest = store->deleteTraces(TraceFilter{});
        QCOMPARE(rest.traces, std::int64_t{100});
        checkHoldsExactly(at, {});
        QCOMPARE(rollupsOf(at).size(), std::size_t{0});
    }

    void aDeletionWaitsForTheLockThenGivesUpLosingNothing()
    {
        const std::string at = path("locked.db");
        StoreOptions quick;
        quick.busyTimeoutMs = 300;
        auto store = open(at, quick);
        const std::vector<Trace> traces = fill(*store, 30, 7);
        {
            sql::Connection holder(at, sql::Connection::Mode::ReadWrite);
            holder.exec("BEGIN IMMEDIATE");
            try {
                store->deleteTraces(TraceFilter{});
                QFAIL("deleted from a workspace another connection was writing to");
            } catch (const WorkspaceError& e) {
                QCOMPARE(e.reason(), WorkspaceError::Reason::Locked);
                QVERIFY2(std::string(e.what()).starts_with(at + ": workspace is locked"), e.what());
            }
            holder.exec("ROLLBACK");
        }
        checkHoldsExactly(at, traces);
    }

    void otherWritersKeepWritingWhileALongDeletionRuns()
    {
        const std::string at = path("shared.db");
        StoreOptions small;
        small.deleteBatch = 40;
        auto store = open(at, small);
        const std::vector<Trace> old = fill(*store, 1200, 5);
        // Another writer on the workspace (as `serve` in another process) that gives up on the lock
        // after one second: the deletion must leave it turns.
        StoreOptions impatient;
        impatient.busyTimeoutMs = 1000;
        auto writer = TraceStore::open(at, TraceStore::OpenMode::ExistingOnly, impatient);
        std::atomic<bool> stop{false};
        std::vector<Trace> added;
        std::thread writing([&] {
            std::mt19937_64 rng(6);
            while (!stop.load()) {
                Trace trace = test::variedTrace(rng, kBase + 100 * kHour, 24, "new");
                summarize(trace);
                writer->write(trace);
                added.push_back(std::move(trace));
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
        const DeleteResult result = store->deleteTraces(parseFilter("until:2026-01-03").filter);
        stop = true;
        writing.join();
        QVERIFY2(writer->flush(), writer->lastError().c_str());
        QCOMPARE(result.traces, std::int64_t(old.size()));
        QVERIFY(added.size() > 100);
        checkHoldsExactly(at, added);
    }
};

QTEST_GUILESS_MAIN(TestStoreDelete)
#include "test_store_delete.moc"
