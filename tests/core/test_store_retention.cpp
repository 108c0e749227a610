// Retention and compaction (issue #9): the setting lives in the workspace file (older workspaces
// gain it by migration), pruning removes only traces that started before the retention, the keeper
// applies it in the background, and compaction shrinks the file, keeps every trace as it was, and
// gives up with the reason (losing nothing) when another writer keeps the lock.
#include "care_fixtures.h"
#include "qtest_std_string.h"
#include "trace/compaction.h"
#include "trace/migrations.h"
#include "trace/retention_keeper.h"
#include "trace/rollup_writer.h"
#include "trace/sqlite_connection.h"
#include "trace/store.h"
#include "trace/workspace_open.h"
#include "trace_fixtures.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <mutex>

using namespace ts;

namespace {

constexpr Nanos kDay = 86'400 * kNsPerSec;
constexpr Nanos kNow = 1'767'225'600'000'000'000 + 30 * kDay; // 2026-01-31T00:00Z

Trace traceAt(Nanos start)
{
    test::TraceSpec spec;
    spec.start = start;
    Trace trace = test::makeTrace(spec);
    summarize(trace);
    return trace;
}

void expectSameTrace(const Trace& a, const Trace& b)
{
    QCOMPARE(a.summary, b.summary);
    QVERIFY(a.spans == b.spans);
    QVERIFY(a.input == b.input);
    QVERIFY(a.output == b.output);
    QVERIFY(a.exchanges == b.exchanges);
}

} // namespace

class TestStoreRetention : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;

    std::string path(const char* name) const { return dir_.filePath(QString::fromUtf8(name)).toStdString(); }

    static std::unique_ptr<TraceStore> open(const std::string& at, const StoreOptions& options = {})
    {
        return TraceStore::open(at, TraceStore::OpenMode::CreateIfMissing, options);
    }

  private Q_SLOTS:
    void pruningTakesOnlyOlderTracesAndTheSettingSurvivesReopening()
    {
        const std::string at = path("retention.db");
        std::vector<Trace> older, newer;
        for (Nanos age : {40 * kDay, 20 * kDay, 8 * kDay, 7 * kDay + 1})
            older.push_back(traceAt(kNow - age));
        for (Nanos age : {7 * kDay, 6 * kDay, kDay, Nanos{0}})
            newer.push_back(traceAt(kNow - age));
        {
            auto store = open(at);
            QCOMPARE(store->retentionDays(), std::optional<int>{});
            for (const auto* list : {&older, &newer})
                for (const Trace& t : *list)
                    store->write(t);
            QVERIFY(store->flush());
            store->setRetentionDays(7);
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store->setRetentionDays(0));
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store->setRetentionDays(36501));
        }
        auto store = TraceStore::open(at, TraceStore::OpenMode::ExistingOnly);
        QCOMPARE(store->retentionDays(), std::optional<int>(7));
        const DeleteResult pruned = store->prune(kNow);
        QCOMPARE(pruned.traces, std::int64_t(older.size()));
        auto reader = store->reader();
        for (const Trace& t : older)
            QVERIFY(!reader->load(t.traceId));
        for (const Trace& t : newer)
            QVERIFY(reader->load(t.traceId));
        const std::string drift = test::rollupsDrift(at);
        QVERIFY2(drift.empty(), drift.c_str());
        QCOMPARE(store->prune(kNow).traces, std::int64_t{0});

        store->setRetentionDays(std::nullopt);
        QCOMPARE(store->retentionDays(), std::optional<int>{});
        QCOMPARE(store->prune(kNow + 365 * kDay).traces, std::int64_t{0});
        QCOMPARE(reader->count({}), std::int64_t(newer.size()));
    }

    void aDamagedSettingIsReportedNotGuessed()
    {
        const std::string at = path("damaged.db");
        auto store = open(at);
        store->write(traceAt(kNow - 40 * kDay));
        QVERIFY(store->flush());
        {
            sql::Connection db(at, sql::Connection::Mode::ReadWrite);
            db.exec("INSERT INTO settings (key, value) VALUES ('retention_days', 'soon')");
        }
        for (int round = 0; round < 2; ++round) {
            try {
                round == 0 ? void(store->retentionDays()) : void(store->prune(kNow));
                QFAIL("a damaged setting was read");
            } catch (const WorkspaceError& e) {
                QCOMPARE(e.reason(), WorkspaceError::Reason::Corrupt);
                const std::string message = e.what();
                QVERIFY2(message.starts_with(at + ": the retention setting reads 'soon'"), e.what());
                QVERIFY(message.find('\n') == std::string::npos);
            }
        }
        QCOMPARE(store->reader()->count({}), std::int64_t{1});
        store->setRetentionDays(30); // setting it again repairs it
        QCOMPARE(store->prune(kNow).traces, std::int64_t{1});
    }

    void aVersionFourWorkspaceGainsTheSetting()
    {
        const std::string at = path("v4.db");
        workspace::Migrations v4 = workspace::migrations();
        v4.resize(4);
        {
            sql::Connection db =
                workspace::openWorkspace(at, TraceStore::OpenMode::CreateIfMissing, 1000, v4);
            db.exec("INSERT INTO traces (trace_id, start_ns, duration_ms, model, cost_usd) VALUES "
                    "('a', 1767225600000000000, 100, 'gpt-4o', 0.5), "
                    "('b', 1769644800000000000, 300, 'gpt-4o', 0.25), "
                    "('c', 1769731200000000000, 900, 'o3', 1.0)");
            rebuildRollups(db);
            QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'settings'"),
                     std::int64_t{0});
        }
        auto store = TraceStore::open(at, TraceStore::OpenMode::ExistingOnly);
        {
            sql::Connection db(at, sql::Connection::Mode::ReadOnly);
            QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{TraceStore::kSchemaVersion});
        }
        QCOMPARE(store->retentionDays(), std::optional<int>{});
        QCOMPARE(store->reader()->count({}), std::int64_t{3});
        store->setRetentionDays(14); // 'a' started 30 days before kNow, 'b' and 'c' 2 and 1 days before
        const DeleteResult pruned = store->prune(kNow);
        QCOMPARE(pruned.traces, std::int64_t{1});
        QCOMPARE(pruned.costUsd, 0.5);
        const std::string drift = test::rollupsDrift(at);
        QVERIFY2(drift.empty(), drift.c_str());
    }

    void theKeeperPrunesInTheBackground()
    {
        const std::string at = path("keeper.db");
        auto store = open(at);
        const Nanos now = wallNowNs();
        for (int i = 0; i < 3; ++i)
            store->write(traceAt(now - 10 * kDay - i * kNsPerSec));
        store->write(traceAt(now - 3600 * kNsPerSec));
        QVERIFY(store->flush());
        store->setRetentionDays(2);
        std::mutex mutex;
        std::vector<std::string> lines;
        {
            RetentionKeeper keeper(*store, std::chrono::milliseconds(50), [&](const std::string& line) {
                std::lock_guard lock(mutex);
                lines.push_back(line);
            });
            auto reader = store->reader();
            QTRY_COMPARE(reader->count({}), std::int64_t{1});
            store->write(traceAt(now - 5 * kDay)); // a late import of old traffic goes at the next round
            QVERIFY(store->flush());
            QTRY_COMPARE(reader->count({}), std::int64_t{1});
        }
        std::lock_guard lock(mutex);
        QVERIFY(!lines.empty());
        QCOMPARE(lines.front(), std::string("retention: deleted 3 trace(s) older than 2 days"));
    }

    void compactionShrinksTheFileAndKeepsEveryTrace()
    {
        const std::string at = path("compact.db");
        auto store = open(at);
        std::mt19937_64 rng(11);
        std::vector<std::string> ids;
        for (int i = 0; i < 600; ++i) {
            Trace trace = test::variedTrace(rng, kNow - 3 * kDay, 48, "w" + std::to_string(i));
            std::string bulk; // a long answer, as real traffic has
            for (int word = 0; word < 400; ++word)
                bulk += "word" + std::to_string(rng() % 5000) + ' ';
            trace.output.push_back(Message{Role::Assistant, bulk, {}, {}, {}});
            ids.push_back(trace.traceId);
            store->write(std::move(trace));
        }
        QVERIFY(store->flush());
        std::vector<std::string> doomed, kept;
        for (size_t i = 0; i < ids.size(); ++i)
            (i % 10 ? doomed : kept).push_back(ids[i]);
        QCOMPARE(store->deleteTraces(doomed).traces, std::int64_t(doomed.size()));
        auto reader = store->reader();
        std::vector<Trace> before;
        for (const std::string& id : kept)
            before.push_back(*reader->load(id));

        const CompactResult result = store->compact();
        QVERIFY2(result.bytesAfter * 3 < result.bytesBefore,
                 qPrintable(QStringLiteral("%1 -> %2").arg(result.bytesBefore).arg(result.bytesAfter)));
        QCOMPARE(result.bytesAfter, workspace::workspaceBytes(at));
        QCOMPARE(std::filesystem::file_size(at + "-wal"), std::uintmax_t{0});
        for (const Trace& trace : before) {
            const std::optional<Trace> after = reader->load(trace.traceId);
            QVERIFY(after);
            expectSameTrace(*after, trace);
        }
        sql::Connection db(at, sql::Connection::Mode::ReadWrite);
        QCOMPARE(db.queryText("PRAGMA integrity_check"), std::string("ok"));
        db.exec("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')");
        QCOMPARE(reader->count(parseFilter("w10").filter), std::int64_t{1});
        const std::string drift = test::rollupsDrift(at);
        QVERIFY2(drift.empty(), drift.c_str());
        store->write(traceAt(kNow)); // and the store goes on writing
        QVERIFY(store->flush());
        QCOMPARE(reader->count({}), std::int64_t(kept.size() + 1));
    }

    void compactionWaitsForTheLockThenGivesUpLosingNothing()
    {
        const std::string at = path("locked.db");
        StoreOptions quick;
        quick.busyTimeoutMs = 300;
        auto store = open(at, quick);
        std::vector<Trace> traces;
        for (int i = 0; i < 40; ++i) {
            traces.push_back(traceAt(kNow - i * kNsPerSec));
            store->write(traces.back());
        }
        QVERIFY(store->flush());
        std::vector<std::string> half;
        for (int i = 0; i < 20; ++i)
            half.push_back(traces[static_cast<size_t>(i)].traceId);
        store->deleteTraces(half);
        {
            sql::Connection holder(at, sql::Connection::Mode::ReadWrite);
            holder.exec("BEGIN IMMEDIATE");
            holder.exec("INSERT INTO settings (key, value) VALUES ('held', 'yes')");
            QElapsedTimer timer;
            timer.start();
            try {
                store->compact();
                QFAIL("compacted a workspace another connection was writing to");
            } catch (const WorkspaceError& e) {
                QCOMPARE(e.reason(), WorkspaceError::Reason::Locked);
                const std::string message = e.what();
                QVERIFY2(message.starts_with(at + ": cannot compact: workspace is locked by another program"),
                         e.what());
                QVERIFY(message.find('\n') == std::string::npos);
            }
            QVERIFY(timer.elapsed() >= 250);
            QVERIFY(timer.elapsed() < 3000);
            holder.exec("COMMIT");
        }
        auto reader = store->reader();
        QCOMPARE(reader->count({}), std::int64_t{20});
        for (size_t i = 20; i < traces.size(); ++i)
            QVERIFY(reader->load(traces[i].traceId));
        sql::Connection db(at, sql::Connection::Mode::ReadWrite);
        QCOMPARE(db.queryText("SELECT value FROM settings WHERE key = 'held'"), std::string("yes"));
        QCOMPARE(db.queryText("PRAGMA integrity_check"), std::string("ok"));
        const CompactResult later = store->compact(); // once the other writer is done, it runs
        QVERIFY(later.bytesAfter <= later.bytesBefore);
    }
};

QTEST_GUILESS_MAIN(TestStoreRetention)
#include "test_store_retention.moc"
