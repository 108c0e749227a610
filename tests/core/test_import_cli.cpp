// `tokenscope-cli import` as a user runs it: real processes, real workspace files, the OTLP
// fixtures, exit codes, and Ctrl-C in the middle of a large import.
#include "cli_run.h"
#include "import_test_logs.h"
#include "test_env.h"
#include "trace/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

namespace {

using Run = ts::test::CliRun;

Run cli(const QStringList& args)
{
    return ts::test::runCli(args);
}

QString fixture(const char* name)
{
    return QString::fromStdString(ts::test::dataDir() + "/import/otlp/") + QString::fromLatin1(name);
}

} // namespace

class TestImportCli : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }

  private Q_SLOTS:
    void importsAndSaysWhatItDidPerFile()
    {
        const QString db = path("human.db");
        const Run r = cli({QStringLiteral("import"), QStringLiteral("--db"), db,
                           fixture("genai_current.jsonl"), fixture("broken.jsonl")});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.value(0).startsWith(
                     fixture("genai_current.jsonl") +
                     QStringLiteral(": otlp, 2 records: 2 traces (3 spans) written, 0 unchanged, 0 skipped")),
                 qPrintable(r.out));
        QVERIFY(lines.contains(QStringLiteral("  ") + fixture("broken.jsonl") +
                               QStringLiteral(":2: not OTLP JSON: span traceId is not a string")));
        QVERIFY(lines.contains(QStringLiteral("  ") + fixture("broken.jsonl") +
                               QStringLiteral(": file ends inside a record that starts at line 6")));
        QVERIFY(lines.contains(QStringLiteral("  ") + fixture("broken.jsonl") +
                               QStringLiteral(":5: no span with a valid traceId and spanId (1 left out)")));

        const Run traces =
            cli({QStringLiteral("traces"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(traces.code, 0);
        const QJsonArray rows = QJsonDocument::fromJson(traces.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2); // broken.jsonl adds to the same two traces
        for (const auto& row : rows)
            QCOMPARE(row.toObject()[QStringLiteral("source")].toString(), QStringLiteral("otlp"));
    }

    void jsonReportAndReimport()
    {
        const QString db = path("json.db");
        const QStringList args{
            QStringLiteral("import"), QStringLiteral("--db"),        db,
            QStringLiteral("--json"), fixture("openinference.json"), fixture("tokenscope_export.jsonl")};
        const Run first = cli(args);
        QCOMPARE(first.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(first.out.toUtf8()).object();
        QCOMPARE(doc[QStringLiteral("traces")].toInt(), 2);
        QCOMPARE(doc[QStringLiteral("spans")].toInt(), 4);
        QCOMPARE(doc[QStringLiteral("cancelled")].toBool(), false);
        const QJsonArray files = doc[QStringLiteral("files")].toArray();
        QCOMPARE(files[0].toObject()[QStringLiteral("format")].toString(), QStringLiteral("otlp"));
        QCOMPARE(files[1].toObject()[QStringLiteral("format")].toString(), QStringLiteral("tokenscope"));
        QVERIFY(files[0].toObject()[QStringLiteral("error")].isNull());

        const Run again = cli(args);
        QCOMPARE(again.code, 0);
        const QJsonObject second = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(second[QStringLiteral("traces")].toInt(), 0);
        QCOMPARE(second[QStringLiteral("files")].toArray()[1].toObject()[QStringLiteral("unchanged")].toInt(),
                 1);
    }

    void formatOverride()
    {
        const Run r = cli({QStringLiteral("import"), QStringLiteral("--db"), path("format.db"),
                           QStringLiteral("--json"), QStringLiteral("--format"), QStringLiteral("otlp"),
                           fixture("tokenscope_export.jsonl")});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc[QStringLiteral("files")].toArray()[0].toObject()[QStringLiteral("format")].toString(),
                 QStringLiteral("otlp"));
    }

    void refusalsAndUsageErrors()
    {
        QFile other(path("other.jsonl"));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("{\"foo\":1}\n");
        other.close();
        const QString db = path("refused.db");
        const Run unknown = cli({QStringLiteral("import"), QStringLiteral("--db"), db,
                                 fixture("openllmetry.jsonl"), other.fileName()});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.startsWith(QStringLiteral("tokenscope-cli: ") + other.fileName() +
                                        QStringLiteral(": unknown format; Tokenscope reads: tokenscope (")),
                 qPrintable(unknown.err));
        QVERIFY(unknown.err.contains(QStringLiteral("otlp (OpenTelemetry traces")));
        QVERIFY(unknown.err.trimmed().endsWith(QStringLiteral("(nothing was imported)")));
        QVERIFY(!QFile::exists(db)); // nothing was written, not even an empty workspace

        const Run missing =
            cli({QStringLiteral("import"), QStringLiteral("--db"), db, path("missing.jsonl")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(QStringLiteral("missing.jsonl: No such file or directory")));

        const Run noFile = cli({QStringLiteral("import"), QStringLiteral("--db"), db});
        QCOMPARE(noFile.code, 2);
        const Run badFormat = cli(
            {QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("csv"), other.fileName()});
        QCOMPARE(badFormat.code, 2);
        QVERIFY(badFormat.err.contains(QStringLiteral("unknown format 'csv' (tokenscope, otlp")));
        const Run help = cli({QStringLiteral("import"), QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.startsWith(QStringLiteral("usage: tokenscope-cli import")));
    }

    void interruptWritesOnlyWholeTracesAndARerunCompletes()
    {
        const int traces = 30'000;
        const QString log = path("large.jsonl");
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(ts::test::splitOtlpTraces(traces)));
        file.close();
        const QString db = path("interrupted.db");
        QProcess p;
        p.start(QString::fromStdString(ts::test::cliPath()),
                {QStringLiteral("import"), QStringLiteral("--db"), db, log});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(db), 30'000); // opened once the files were looked at
        QTest::qWait(100);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60'000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("import cancelled: ")) &&
                     err.contains(QStringLiteral("run the same import again")),
                 qPrintable(err));

        auto store = ts::TraceStore::open(db.toStdString(), ts::TraceStore::OpenMode::ExistingOnly);
        const std::int64_t written = store->reader()->count({});
        QVERIFY2(written < traces, "the interrupt came too late to test anything");
        for (const ts::TraceSummary& s : store->reader()->page({}, ts::TraceOrder{}, 0, traces))
            QCOMPARE(s.spanCount, 3);

        const Run rest = cli({QStringLiteral("import"), QStringLiteral("--db"), db, log});
        QCOMPARE(rest.code, 0);
        QCOMPARE(store->reader()->count({}), std::int64_t(traces));
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "test_import_cli.moc"
