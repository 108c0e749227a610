// The workspace-care verbs as a user runs them (issue #9): delete (by filter and by id, dry run,
// the refusals), retention (show, set, prune, off) and compact (the sizes; a locked workspace),
// each in its own process, as another program on the workspace would be.
#include "care_fixtures.h"
#include "test_env.h"
#include "trace/compaction.h"
#include "trace/sqlite_connection.h"
#include "trace/store.h"
#include "trace_fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <filesystem>

using namespace ts;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run cli(const QStringList& args)
{
    QProcess p;
    p.start(QString::fromStdString(test::cliPath()), args);
    p.waitForStarted();
    p.closeWriteChannel();
    p.waitForFinished(120'000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QStringList args(std::initializer_list<const char*> words, const QString& db)
{
    QStringList out{QString::fromUtf8(*words.begin()), QStringLiteral("--db"), db};
    for (auto it = words.begin() + 1; it != words.end(); ++it)
        out << QString::fromUtf8(*it);
    return out;
}

bool oneLineError(const Run& r)
{
    return r.err.startsWith(QStringLiteral("tokenscope-cli: ")) && r.err.count(QLatin1Char('\n')) == 1;
}

constexpr Nanos kDay = 86'400 * kNsPerSec;

} // namespace

class TestCliCare : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }

    static std::int64_t count(const QString& db)
    {
        return TraceStore::open(db.toStdString(), TraceStore::OpenMode::ExistingOnly)->reader()->count({});
    }

  private Q_SLOTS:
    void deleteByFilterAndByIdWithADryRunFirst()
    {
        const QString db = path("delete.db");
        auto store = TraceStore::open(db.toStdString(), TraceStore::OpenMode::CreateIfMissing);
        std::vector<std::string> ids;
        for (int i = 0; i < 30; ++i) {
            test::TraceSpec spec;
            spec.model = i < 10 ? "gpt-4o" : "gpt-4o-mini";
            spec.costUsd = i < 10 ? 0.25 : 0.125;
            spec.start += i * kNsPerSec;
            const Trace trace = test::makeTrace(spec);
            ids.push_back(trace.traceId);
            store->write(trace);
        }
        QVERIFY(store->flush());
        std::atomic<int> heard{0};
        store->subscribe([&] { ++heard; });

        const Run dry = cli(args({"delete", "--filter", "model:gpt-4o", "--dry-run", "--json"}, db));
        QCOMPARE(dry.code, 0);
        QCOMPARE(dry.json()[QStringLiteral("traces")].toInt(), 10);
        QCOMPARE(dry.json()[QStringLiteral("cost_usd")].toDouble(), 2.5);
        QVERIFY(dry.json()[QStringLiteral("dry_run")].toBool());
        QCOMPARE(store->reader()->count({}), std::int64_t{30});

        const Run deleted = cli(args({"delete", "--filter", "model:gpt-4o"}, db));
        QCOMPARE(deleted.code, 0);
        QCOMPARE(deleted.out, QStringLiteral("deleted 10 traces ($2.500000) from ") + db + QLatin1Char('\n'));
        QCOMPARE(store->reader()->count({}), std::int64_t{20});
        QTRY_VERIFY_WITH_TIMEOUT(heard.load() > 0, 2000); // another process's deletion is heard

        const Run byId =
            cli(args({"delete", "--json", "--trace", ids[10].c_str(), ids[11].c_str(), "0badc0de"}, db));
        QCOMPARE(byId.code, 0);
        QCOMPARE(byId.json()[QStringLiteral("traces")].toInt(), 2);
        QCOMPARE(byId.json()[QStringLiteral("not_found")].toArray(), QJsonArray{QStringLiteral("0badc0de")});
        QVERIFY2(byId.err.contains(QStringLiteral("not in the workspace: 0badc0de")), qPrintable(byId.err));
        QVERIFY(!store->reader()->load(ids[10]));

        const QString missing = path("missing.db");
        const struct
        {
            QStringList args;
            int code;
            const char* says;
        } refused[] = {
            {args({"delete"}, db), 2, "--filter EXPR, --trace ID... or --all"},
            {args({"delete", "--filter", ""}, db), 2, "add --all"},
            {args({"delete", "--filter", "cost>cheap"}, db), 2, "--filter: 'cost>cheap'"},
            {args({"delete", "--trace"}, db), 2, "--trace wants one or more trace ids"},
            {args({"delete", "--filter", "model:x", "--trace", "abc"}, db), 2, "leave out --filter"},
            {args({"delete", ids[12].c_str()}, db), 2, "trace ids follow --trace"},
            {args({"delete", "--all"}, missing), 1, "no such workspace"},
        };
        for (const auto& r : refused) {
            const Run run = cli(r.args);
            QCOMPARE(run.code, r.code);
            QVERIFY2(oneLineError(run) && run.err.contains(QString::fromUtf8(r.says)), qPrintable(run.err));
        }
        QVERIFY(!std::filesystem::exists(missing.toStdString()));
        QCOMPARE(store->reader()->count({}), std::int64_t{18});

        const Run all = cli(args({"delete", "--all"}, db));
        QCOMPARE(all.code, 0);
        QVERIFY2(all.out.startsWith(QStringLiteral("deleted 18 traces ($2.250000)")), qPrintable(all.out));
        QCOMPARE(store->reader()->count({}), std::int64_t{0});
        QVERIFY(test::rollupsDrift(db.toStdString()).empty());
    }

    void retentionShowsSetsAndPrunes()
    {
        const QString db = path("retention.db");
        {
            auto store = TraceStore::open(db.toStdString(), TraceStore::OpenMode::CreateIfMissing);
            const Nanos now = wallNowNs();
            for (int i = 0; i < 8; ++i) {
                test::TraceSpec spec;
                spec.start = i < 5 ? now - 40 * kDay - i * kNsPerSec : now - 3600 * kNsPerSec;
                store->write(test::makeTrace(spec));
            }
            QVERIFY(store->flush());
        }
        const Run off = cli(args({"retention"}, db));
        QCOMPARE(off.code, 0);
        QVERIFY2(off.out.contains(QStringLiteral("off (traces are kept until deleted)")),
                 qPrintable(off.out));

        const Run set = cli(args({"retention", "--days", "30"}, db));
        QCOMPARE(set.code, 0);
        QVERIFY2(set.out.contains(QStringLiteral("keep traces for 30 days")), qPrintable(set.out));
        QVERIFY2(set.out.contains(QStringLiteral("5 traces are older than that")), qPrintable(set.out));
        const Run shown = cli(args({"retention", "--json"}, db));
        QCOMPARE(shown.json()[QStringLiteral("retention_days")].toInt(), 30);
        QCOMPARE(shown.json()[QStringLiteral("older_traces")].toInt(), 5);

        const Run pruned = cli(args({"retention", "--prune", "--json"}, db));
        QCOMPARE(pruned.code, 0);
        QCOMPARE(pruned.json()[QStringLiteral("pruned_traces")].toInt(), 5);
        QCOMPARE(pruned.json()[QStringLiteral("older_traces")].toInt(), 0);
        QCOMPARE(count(db), std::int64_t{3});

        const Run cleared = cli(args({"retention", "--off", "--json"}, db));
        QCOMPARE(cleared.code, 0);
        QVERIFY(cleared.json()[QStringLiteral("retention_days")].isNull());
        const Run nothing = cli(args({"retention", "--prune"}, db));
        QCOMPARE(nothing.code, 1);
        QVERIFY2(oneLineError(nothing) && nothing.err.contains(QStringLiteral("retention is off")),
                 qPrintable(nothing.err));
        for (const QStringList& bad :
             {args({"retention", "--days", "0"}, db), args({"retention", "--days", "3", "--off"}, db),
              args({"retention", "--off", "--prune"}, db)}) {
            const Run run = cli(bad);
            QCOMPARE(run.code, 2);
            QVERIFY2(oneLineError(run), qPrintable(run.err));
        }
        QCOMPARE(count(db), std::int64_t{3});
    }

    void compactReportsTheSizesAndGivesUpWhenLocked()
    {
        const QString db = path("compact.db");
        {
            auto store = TraceStore::open(db.toStdString(), TraceStore::OpenMode::CreateIfMissing);
            std::mt19937_64 rng(3);
            for (int i = 0; i < 300; ++i) {
                Trace trace = test::variedTrace(rng, wallNowNs() - kDay, 20, "w" + std::to_string(i));
                trace.output.push_back(
                    Message{Role::Assistant, std::string(4000, 'a' + char(i % 26)), {}, {}, {}});
                store->write(std::move(trace));
            }
            QVERIFY(store->flush());
            QCOMPARE(store->deleteTraces(parseFilter("-model:gpt-4o").filter).cancelled, false);
        }
        const std::int64_t kept = count(db);
        QVERIFY(kept > 0);
        const Run compacted = cli(args({"compact", "--json"}, db));
        QCOMPARE(compacted.code, 0);
        const double before = compacted.json()[QStringLiteral("bytes_before")].toDouble();
        const double after = compacted.json()[QStringLiteral("bytes_after")].toDouble();
        QVERIFY2(after < before / 2, qPrintable(compacted.out));
        QCOMPARE(after, double(workspace::workspaceBytes(db.toStdString())));
        const Run text = cli(args({"compact"}, db));
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.startsWith(QStringLiteral("compacted ") + db + QStringLiteral(": ")),
                 qPrintable(text.out));

        sql::Connection holder(db.toStdString(), sql::Connection::Mode::ReadWrite);
        holder.exec("BEGIN IMMEDIATE");
        const Run locked = cli(args({"compact"}, db)); // waits out the 5 s timeout
        QCOMPARE(locked.code, 1);
        QVERIFY2(oneLineError(locked) && locked.err.contains(QStringLiteral("locked")),
                 qPrintable(locked.err));
        holder.exec("ROLLBACK");
        QCOMPARE(count(db), kept);
    }

    void everyCareVerbHasHelp()
    {
        for (const char* verb : {"delete", "retention", "compact"}) {
            const Run r = cli({QString::fromLatin1(verb), QStringLiteral("--help")});
            QCOMPARE(r.code, 0);
            QVERIFY(r.out.startsWith(QStringLiteral("usage: tokenscope-cli ") + QString::fromLatin1(verb)));
        }
        const Run overview = cli({QStringLiteral("--help")});
        for (const char* verb : {"delete", "retention", "compact"})
            QVERIFY(
                overview.out.contains(QStringLiteral("  ") + QString::fromLatin1(verb) + QLatin1Char(' ')));
    }
};

QTEST_GUILESS_MAIN(TestCliCare)
#include "test_cli_care.moc"
