// Writing and reading whole traces: exact round trips, replacement by trace id, flush and
// listener semantics, a failed batch.
#include "trace/sqlite_connection.h"
#include "trace/store.h"
#include "trace_fixtures.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

using namespace ts;

class TestTraceStore : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(QString::fromUtf8(name)).toStdString(); }
    static std::unique_ptr<TraceStore> create(const std::string& file)
    {
        return TraceStore::open(file, TraceStore::OpenMode::CreateIfMissing);
    }

  private slots:
    void roundTripIsExact()
    {
        Trace expected = test::richTrace();
        auto store = create(path("roundtrip.db"));
        store->write(expected);
        QVERIFY(store->flush());
        const std::optional<Trace> loaded = store->reader()->load(expected.traceId);
        QVERIFY(loaded);
        summarize(expected);
        expected.summary.rowId = loaded->summary.rowId;
        QVERIFY(loaded->summary.rowId > 0);
        QCOMPARE(loaded->traceId, expected.traceId);
        QCOMPARE(loaded->spans.size(), expected.spans.size());
        for (size_t i = 0; i < expected.spans.size(); ++i) {
            for (const auto& [name, value] : expected.spans[i].attributes) {
                const AttrValue* stored = loaded->spans[i].attr(name);
                QVERIFY2(stored && stored->index() == value.index(), name.c_str());
                QVERIFY2(*stored == value, name.c_str());
            }
            QVERIFY(loaded->spans[i] == expected.spans[i]);
        }
        QVERIFY(loaded->input == expected.input);
        QVERIFY(loaded->output == expected.output);
        QVERIFY(loaded->exchanges == expected.exchanges);
        QVERIFY(loaded->summary == expected.summary);
    }

    void summaryIsComputedOnWrite()
    {
        test::TraceSpec spec;
        spec.inputTokens = 1234;
        spec.costUsd = 0.5;
        spec.tags = "a,b";
        spec.error = true;
        auto store = create(path("summary.db"));
        const Trace trace = test::makeTrace(spec);
        store->write(trace);
        QVERIFY(store->flush());
        const auto loaded = store->reader()->load(trace.traceId);
        QVERIFY(loaded);
        QCOMPARE(loaded->summary.inputTokens, std::int64_t{1234});
        QCOMPARE(loaded->summary.costUsd, 0.5);
        QCOMPARE(loaded->summary.tags, std::string("a,b"));
        QCOMPARE(loaded->summary.status, std::string("error"));
        QCOMPARE(loaded->summary.spanCount, 2);
        QCOMPARE(loaded->summary.preview, std::string("hello"));
        QCOMPARE(loaded->summary.ttftMs.value_or(-1), 250.0);
    }

    void missingTraceLoadsNothing()
    {
        auto store = create(path("missing.db"));
        QVERIFY(!store->reader()->load("0123456789abcdef0123456789abcdef"));
    }

    void rewritingReplacesWithoutDuplicates()
    {
        auto store = create(path("rewrite.db"));
        test::TraceSpec spec;
        spec.traceId = newTraceId();
        spec.prompt = "first version";
        store->write(test::makeTrace(spec));
        QVERIFY(store->flush());
        spec.prompt = "second version";
        spec.costUsd = 0.25;
        store->write(test::makeTrace(spec));
        store->write(test::makeTrace(spec)); // twice in one batch too
        QVERIFY(store->flush());

        auto reader = store->reader();
        QCOMPARE(reader->count({}), std::int64_t{1});
        const auto loaded = reader->load(spec.traceId);
        QVERIFY(loaded);
        QCOMPARE(loaded->spans.size(), size_t(2));
        QCOMPARE(loaded->input.size(), size_t(1));
        QCOMPARE(loaded->input.front().content, std::string("second version"));
        QCOMPARE(loaded->summary.costUsd, 0.25);
        TraceFilter oldText;
        oldText.text = "first";
        QCOMPARE(reader->count(oldText), std::int64_t{0}); // the replaced messages left the search index
        TraceFilter newText;
        newText.text = "second";
        QCOMPARE(reader->count(newText), std::int64_t{1});
        sql::Connection raw(store->path(), sql::Connection::Mode::ReadOnly);
        QCOMPARE(raw.queryInt("SELECT count(*) FROM spans"), std::int64_t{2});
        QCOMPARE(raw.queryInt("SELECT count(*) FROM messages"), std::int64_t{2});
    }

    // Replacing deletes the old messages from the search index, empty tool-call messages included.
    void rewritingKeepsTheSearchIndexConsistent()
    {
        auto store = create(path("rewrite-index.db"));
        const Trace rich = test::richTrace();
        for (int i = 0; i < 3; ++i)
            store->write(rich);
        QVERIFY2(store->flush(), store->lastError().c_str());
        TraceFilter search;
        search.text = "sunny terse";
        QCOMPARE(store->reader()->count(search), std::int64_t{1});
        sql::Connection raw(store->path(), sql::Connection::Mode::ReadWrite);
        raw.exec("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')");
        QCOMPARE(raw.queryInt("SELECT count(*) FROM messages"),
                 std::int64_t(rich.input.size() + rich.output.size()));
    }

    void flushWaitsForEverythingQueued()
    {
        StoreOptions options;
        options.batchWindowMs = 10000; // flush must not wait for the window
        auto store = TraceStore::open(path("flush.db"), TraceStore::OpenMode::CreateIfMissing, options);
        for (int i = 0; i < 1234; ++i)
            store->write(test::makeTrace({}));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(store->flush());
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(store->reader()->count({}), std::int64_t{1234});
    }

    void destructorCommitsPendingWrites()
    {
        const std::string file = path("destructor.db");
        {
            auto store = create(file);
            for (int i = 0; i < 700; ++i)
                store->write(test::makeTrace({}));
        }
        auto store = TraceStore::open(file, TraceStore::OpenMode::ExistingOnly);
        QCOMPARE(store->reader()->count({}), std::int64_t{700});
    }

    // The write-ahead log is copied back into the database while the store stays open, so the
    // log does not grow with the workspace.
    void logIsCheckpointedWhileOpen()
    {
        const std::string file = path("checkpoint.db");
        auto store = create(file);
        for (int i = 0; i < 3000; ++i) {
            store->write(test::richTrace());
            if (i % 300 == 299)
                QVERIFY(store->flush());
        }
        QVERIFY(store->flush());
        QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::file_size(file) > 4 * 1024 * 1024, 5000);
        QVERIFY(std::filesystem::file_size(file + "-wal") < 80 * 1024 * 1024);
        QCOMPARE(store->reader()->count({}), std::int64_t{3000});
    }

    void listenersHearOwnCommits()
    {
        auto store = create(path("listeners.db"));
        std::atomic<int> calls{0};
        const int id = store->subscribe([&] { ++calls; });
        store->write(test::makeTrace({}));
        QVERIFY(store->flush());
        QTRY_VERIFY_WITH_TIMEOUT(calls.load() >= 1, 1000);
        store->unsubscribe(id);
        const int before = calls.load();
        store->write(test::makeTrace({}));
        QVERIFY(store->flush());
        QTest::qWait(600); // longer than the watcher's interval
        QCOMPARE(calls.load(), before);
    }

    void failedBatchIsReportedAndWriterCarriesOn()
    {
        StoreOptions options;
        options.busyTimeoutMs = 100;
        options.lockPatienceMs = 0; // lost at once, not retried
        const std::string file = path("failure.db");
        auto store = TraceStore::open(file, TraceStore::OpenMode::CreateIfMissing, options);
        QVERIFY(store->lastError().empty());
        {
            sql::Connection other(file, sql::Connection::Mode::ReadWrite);
            other.exec("BEGIN IMMEDIATE");
            store->write(test::makeTrace({}));
            QVERIFY(!store->flush());
            QVERIFY2(store->lastError().find(file) != std::string::npos, store->lastError().c_str());
            QVERIFY2(store->lastError().find("locked") != std::string::npos, store->lastError().c_str());
            other.exec("ROLLBACK");
        }
        const Trace later = test::makeTrace({});
        store->write(later);
        QVERIFY(store->flush()); // the failure was reported once; this write succeeded
        auto reader = store->reader();
        QCOMPARE(reader->count({}), std::int64_t{1});
        QVERIFY(reader->load(later.traceId));
    }

    // Compaction holds the write lock for the whole rewrite, longer than the busy timeout: the
    // writer waits it out instead of losing what was written meanwhile.
    void writesWaitOutALongLock()
    {
        StoreOptions options;
        options.busyTimeoutMs = 100;
        options.lockPatienceMs = 20000;
        const std::string file = path("patient.db");
        auto store = TraceStore::open(file, TraceStore::OpenMode::CreateIfMissing, options);
        sql::Connection other(file, sql::Connection::Mode::ReadWrite);
        other.exec("BEGIN IMMEDIATE");
        std::thread release([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(700)); // seven busy timeouts
            other.exec("ROLLBACK");
        });
        const Trace during = test::makeTrace({});
        store->write(during);
        QElapsedTimer waited;
        waited.start();
        const bool flushed = store->flush();
        release.join();
        QVERIFY2(flushed, store->lastError().c_str());
        QVERIFY(waited.elapsed() >= 500);
        QVERIFY(store->reader()->load(during.traceId));
    }
};

QTEST_GUILESS_MAIN(TestTraceStore)
#include "test_trace_store.moc"
