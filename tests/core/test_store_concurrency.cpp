// Several threads and processes on one workspace: readers during heavy writing, change
// announcements from another store and another process, and a writer killed mid-write.
#include "trace/sqlite_connection.h"
#include "trace/store.h"
#include "trace_fixtures.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <mutex>
#include <thread>

using namespace ts;

namespace {

// Runs readers until stopped, recording failures and any count that went backwards.
void readLoop(TraceStore& store, const std::atomic<bool>& stop, std::vector<std::string>& errors,
              std::mutex& errorsMutex, std::atomic<int>& rounds)
{
    auto fail = [&](const std::string& what) {
        std::lock_guard lock(errorsMutex);
        errors.push_back(what);
    };
    try {
        auto reader = store.reader();
        std::int64_t last = 0;
        const TraceFilter filter = parseFilter("model:gpt-4o-mini tag:eu hello").filter;
        while (!stop.load()) {
            const std::int64_t count = reader->count({});
            if (count < last)
                fail("count went back from " + std::to_string(last) + " to " + std::to_string(count));
            last = count;
            const auto page = reader->page({}, {TraceOrderKey::Cost, true}, 0, 50);
            if (std::int64_t(page.size()) < std::min<std::int64_t>(50, count))
                fail("short page: " + std::to_string(page.size()));
            std::vector<std::int64_t> ids;
            for (const TraceSummary& s : page)
                ids.push_back(s.rowId);
            reader->summaries(ids);
            reader->rowIds(filter, {TraceOrderKey::Start, true});
            if (!page.empty() && !reader->load(page.front().traceId))
                fail("a listed trace did not load");
            ++rounds;
        }
    } catch (const std::exception& e) {
        fail(e.what());
    }
}

std::vector<long long> counts(const QByteArray& output)
{
    std::vector<long long> out;
    for (const QByteArray& line : output.split('\n'))
        if (!line.trimmed().isEmpty())
            out.push_back(line.trimmed().toLongLong());
    return out;
}

} // namespace

class TestStoreConcurrency : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(QString::fromUtf8(name)).toStdString(); }

  private slots:
    void readersWhileWriting()
    {
        constexpr int kTraces = 6000;
        auto store = TraceStore::open(path("busy.db"), TraceStore::OpenMode::CreateIfMissing);
        std::atomic<bool> stop{false};
        std::atomic<int> rounds{0};
        std::vector<std::string> errors;
        std::mutex errorsMutex;
        std::vector<std::thread> readers;
        for (int i = 0; i < 3; ++i)
            readers.emplace_back([&] { readLoop(*store, stop, errors, errorsMutex, rounds); });
        std::thread writer([&] {
            for (int i = 0; i < kTraces; ++i) {
                test::TraceSpec spec;
                spec.costUsd = (i % 97) / 1000.0;
                spec.tags = i % 2 ? "eu" : "us";
                spec.start += i * kNsPerMs;
                store->write(test::makeTrace(spec));
                if (i % 1000 == 999)
                    store->flush();
            }
            store->flush();
        });
        writer.join();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.load() >= 30, 20000);
        stop = true;
        for (std::thread& t : readers)
            t.join();
        for (const std::string& e : errors)
            qWarning("%s", e.c_str());
        QVERIFY(errors.empty());
        QCOMPARE(store->reader()->count({}), std::int64_t{kTraces});
        QVERIFY(store->lastError().empty());
    }

    void anotherStoreOnTheFileIsHeardWithinASecond()
    {
        const std::string file = path("shared.db");
        auto mine = TraceStore::open(file, TraceStore::OpenMode::CreateIfMissing);
        auto theirs = TraceStore::open(file, TraceStore::OpenMode::ExistingOnly);
        auto reader = mine->reader();
        const std::uint64_t versionBefore = reader->dataVersion();
        std::atomic<int> heard{0};
        mine->subscribe([&] { ++heard; });
        QTest::qWait(600); // past the watcher's first look, so only the write below can be heard
        heard = 0;
        QElapsedTimer timer;
        timer.start();
        const Trace trace = test::makeTrace({});
        theirs->write(trace);
        QVERIFY(theirs->flush());
        QTRY_VERIFY_WITH_TIMEOUT(heard.load() > 0, 1000);
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(reader->dataVersion() != versionBefore);
        QVERIFY(reader->load(trace.traceId));
    }

    void childProcessIsHeardAndItsCrashLosesOnlyUncommittedTraces()
    {
        const QString child = qEnvironmentVariable("TOKENSCOPE_STORE_WRITER_CHILD");
        QVERIFY2(!child.isEmpty(), "TOKENSCOPE_STORE_WRITER_CHILD is not set: run the test through ctest");
        const std::string file = path("crash.db");
        auto watching = TraceStore::open(file, TraceStore::OpenMode::CreateIfMissing);
        std::atomic<int> heard{0};
        watching->subscribe([&] { ++heard; });

        QProcess writer;
        writer.start(child, {QString::fromStdString(file), QStringLiteral("150")});
        QVERIFY(writer.waitForStarted());
        QByteArray output;
        while (counts(output).size() < 4 && writer.state() == QProcess::Running) {
            writer.waitForReadyRead(10000);
            output += writer.readAllStandardOutput();
            if (counts(output).size() == 1)
                QTRY_VERIFY_WITH_TIMEOUT(heard.load() > 0, 1000);
        }
        writer.kill(); // SIGKILL, most likely in the middle of a batch
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        output += writer.readAllStandardOutput();
        const std::vector<long long> reported = counts(output);
        QVERIFY2(reported.size() >= 4, writer.readAllStandardError().constData());
        watching.reset();

        auto store = TraceStore::open(file, TraceStore::OpenMode::ExistingOnly);
        auto reader = store->reader();
        QVERIFY(reader->count({}) >= reported.back());
        for (const TraceSummary& s : reader->summaries(reader->rowIds({}, {}))) {
            const auto trace = reader->load(s.traceId);
            QVERIFY(trace);
            QCOMPARE(trace->spans.size(), size_t(2));
            QCOMPARE(trace->input.size(), size_t(2));
            QCOMPARE(trace->output.size(), size_t(3));
            QCOMPARE(trace->exchanges.size(), size_t(1));
        }
        sql::Connection db(file, sql::Connection::Mode::ReadWrite);
        QCOMPARE(db.queryText("PRAGMA integrity_check"), std::string("ok"));
        db.exec("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')");
    }
};

QTEST_GUILESS_MAIN(TestStoreConcurrency)
#include "test_store_concurrency.moc"
