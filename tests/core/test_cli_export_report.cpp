// `tokenscope-cli export` and `report` run as a user runs them: real processes on real workspaces,
// the output files read back, and the exit codes of the mistakes people make.
#include "cli_run.h"
#include "export_fixtures.h"
#include "test_env.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Run = ts::test::CliRun;

Run cli(const QStringList& args)
{
    return ts::test::runCli(args);
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QList<QByteArray> lines(const QByteArray& text)
{
    QList<QByteArray> out = text.split('\n');
    if (!out.isEmpty() && out.back().isEmpty())
        out.pop_back();
    return out;
}

bool holdsASecret(const QByteArray& text)
{
    for (const std::string& secret : {ts::test::kSecretEmail, ts::test::kSecretCard, ts::test::kSecretKey})
        if (text.contains(QByteArray::fromStdString(secret)))
            return true;
    return false;
}

constexpr ts::Nanos kJan1 = 1'767'225'600'000'000'000;

} // namespace

class TestCliExportReport : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    QString db_;

    QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }
    QStringList withDb(QStringList args) const { return args << QStringLiteral("--db") << db_; }

  private slots:
    void initTestCase()
    {
        db_ = path("cli.db");
        ts::test::workspaceWith(
            db_.toStdString(),
            {ts::test::agentTrace("0123456789abcdef0123456789abcdef", kJan1),
             ts::test::agentTrace("fedcba9876543210fedcba9876543210", kJan1 + 86'400'000'000'000),
             ts::test::sensitiveTrace("0000000000000000000000000000000a", kJan1 + 1'000'000'000)});
    }

    void otlpAsStoredWritesOneRequestPerTrace()
    {
        const QString out = path("all.otlp.jsonl");
        const Run r = cli(withDb({"export", "--format", "otlp", "--policy", "none", out}));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("exported 3 traces")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("nothing redacted")));
        const QList<QByteArray> requests = lines(contents(out));
        QCOMPARE(requests.size(), 3);
        for (const QByteArray& line : requests) {
            const QJsonObject request = QJsonDocument::fromJson(line).object();
            QCOMPARE(request[QStringLiteral("resourceSpans")].toArray().size(), 1);
        }
        QVERIFY(holdsASecret(contents(out))); // as stored
    }

    void byDefaultThePolicyRedactsEveryFormat()
    {
        for (const char* format : {"otlp", "jsonl", "csv"}) {
            const Run r = cli(withDb({"export", "--format", format, "-"}));
            QCOMPARE(r.code, 0);
            QVERIFY(!r.bytes.isEmpty());
            QVERIFY2(!holdsASecret(r.bytes), format);
            QVERIFY(r.err.contains(QStringLiteral("default policy")));
        }
        const Run jsonl = cli(withDb({"export", "--format", "jsonl", "-"}));
        QVERIFY(jsonl.bytes.contains("[EMAIL_1]")); // the user and error fields held one
    }

    void aPolicyFileIsApplied()
    {
        QFile policy(path("mask.json"));
        QVERIFY(policy.open(QIODevice::WriteOnly));
        policy.write(R"({"input": {"email": "mask"}})");
        policy.close();
        const Run r = cli(withDb({"export", "--format", "otlp", "--policy", policy.fileName(), "-"}));
        QCOMPARE(r.code, 0);
        QVERIFY(r.bytes.contains("a***@e***.com"));
        QVERIFY(r.bytes.contains(QByteArray::fromStdString(ts::test::kSecretCard))); // the policy leaves cards
    }

    void spansAsCsvWithAFilter()
    {
        const QString out = path("spans.csv");
        const Run r = cli(withDb({"export", "--format", "csv", "--spans", "--filter", "user:u-17", out}));
        QCOMPARE(r.code, 0);
        const QList<QByteArray> rows = contents(out).split('\n');
        QVERIFY(
            rows[0].startsWith("trace_id,span_id,parent_span_id,name,stage,start,duration_ms,status,model,"));
        QCOMPARE(rows.size() - 2, 12); // two traces of six spans; CRLF leaves an empty tail
        QVERIFY(r.err.contains(QStringLiteral("exported 2 traces (12 rows)")));
    }

    void exportMistakesAreRefusedWithTheRightCode()
    {
        const struct
        {
            QStringList args;
            int code;
            const char* says;
        } cases[] = {
            {{"export", "-"}, 2, "--format"},
            {{"export", "--format", "xml", "-"}, 2, "otlp, jsonl or csv"},
            {{"export", "--format", "otlp", "--spans", "-"}, 2, "--spans"},
            {{"export", "--format", "csv"}, 2, "OUT"},
            {{"export", "--format", "csv", "--filter", "cost>>1", "-"}, 2, "--filter"},
            {{"export", "--format", "csv", "--policy", "/no/such/policy.json", "-"}, 1, "policy"},
            {{"export", "--format", "csv", dir_.path()}, 1, "cannot write"},
        };
        for (const auto& c : cases) {
            const Run r = cli(withDb(c.args));
            QVERIFY2(r.code == c.code, qPrintable(c.args.join(u' ') + QStringLiteral(": ") + r.err));
            QVERIFY2(r.err.contains(QString::fromLatin1(c.says)), qPrintable(r.err));
            QCOMPARE(r.err.count(u'\n'), 1); // one line
        }
        const Run missing = cli({"export", "--format", "csv", "--db", path("missing.db"), "-"});
        QCOMPARE(missing.code, 1);
        QVERIFY(!QFile::exists(path("missing.db"))); // never created
    }

    void reportAsJson()
    {
        const Run r = cli(withDb({"report", "--format", "json"}));
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.bytes).object();
        const QJsonObject totals = doc[QStringLiteral("totals")].toObject();
        QCOMPARE(totals[QStringLiteral("requests")].toInt(), 3);
        QCOMPARE(totals[QStringLiteral("input_tokens")].toInt(), 2 * (900 + 1200) + 30);
        QCOMPARE(doc[QStringLiteral("models")].toArray().size(), 1);
        QCOMPARE(doc[QStringLiteral("models")].toArray()[0].toObject()[QStringLiteral("model")].toString(),
                 QStringLiteral("gpt-4o-mini"));
        QCOMPARE(doc[QStringLiteral("days")].toArray().size(), 2);
        QVERIFY(doc[QStringLiteral("since")].isNull());
        const QJsonArray errors = doc[QStringLiteral("errors")].toArray();
        QCOMPARE(errors.size(), 1); // the sensitive trace's root failed
        QCOMPARE(errors[0].toObject()[QStringLiteral("count")].toInt(), 1);
        // Error messages quote what users sent: redacted unless asked not to be.
        const QString message = errors[0].toObject()[QStringLiteral("message")].toString();
        QVERIFY(message.contains(QStringLiteral("[EMAIL_1]")));
        QVERIFY(!holdsASecret(r.bytes));
        QVERIFY(holdsASecret(cli(withDb({"report", "--format", "json", "--policy", "none"})).bytes));
    }

    void reportAsMarkdownAndCsv()
    {
        const Run md = cli(withDb({"report", "--since", "2026-01-02", "--until", "2026-01-02"}));
        QCOMPARE(md.code, 0);
        for (const char* heading :
             {"# Usage report", "## Totals", "## By model", "## By day (UTC)", "## Most frequent errors"})
            QVERIFY2(md.bytes.contains(heading), heading);
        QVERIFY(md.bytes.contains("| gpt-4o-mini | 1 |"));
        QVERIFY(md.bytes.contains("| 2026-01-02 | 1 |"));
        QVERIFY(md.bytes.contains("2026-01-02T00:00:00.000Z to 2026-01-03T00:00:00.000Z"));

        const Run csv = cli(withDb({"report", "--format", "csv"}));
        QCOMPARE(csv.code, 0);
        const QList<QByteArray> rows = csv.bytes.split('\n');
        QVERIFY(rows[0].startsWith("section,name,requests,errors,error_rate,"));
        QVERIFY(rows[1].startsWith("total,,3,1,"));
        QVERIFY(csv.bytes.contains("\r\nmodel,gpt-4o-mini,3,1,"));
        QVERIFY(csv.bytes.contains("\r\nday,2026-01-01,2,1,"));
        QVERIFY(csv.bytes.contains("\r\nerror,"));
    }

    void reportMistakesAreRefused()
    {
        QCOMPARE(cli(withDb({"report", "--format", "xml"})).code, 2);
        QCOMPARE(cli(withDb({"report", "--since", "yesterday"})).code, 2);
        QCOMPARE(cli(withDb({"report", "--filter", "tokens>"})).code, 2);
        QCOMPARE(cli(withDb({"report", "extra"})).code, 2);
        QCOMPARE(cli({"report", "--db", path("missing.db")}).code, 1);
    }

    void bothVerbsHaveHelp()
    {
        for (const char* verb : {"export", "report"}) {
            const Run r = cli({verb, "--help"});
            QCOMPARE(r.code, 0);
            QVERIFY(r.bytes.startsWith(QByteArray("usage: tokenscope-cli ") + verb));
        }
    }

    void aDemoWorkspaceReportsWhatItHolds()
    {
        const QString demo = path("demo.db");
        QCOMPARE(cli({"demo", "--db", demo, "--scenario", "all", "--days", "2", "--seed", "1"}).code, 0);
        const Run traces = cli({"traces", "--db", demo, "--json", "--limit", "10000000"});
        const int count = QJsonDocument::fromJson(traces.bytes).array().size();
        QVERIFY(count > 100);
        const Run report = cli({"report", "--db", demo, "--format", "json"});
        QCOMPARE(report.code, 0);
        const QJsonObject totals =
            QJsonDocument::fromJson(report.bytes).object()[QStringLiteral("totals")].toObject();
        QCOMPARE(totals[QStringLiteral("requests")].toInt(), count);
        const QString out = path("demo.otlp.jsonl");
        QCOMPARE(cli({"export", "--db", demo, "--format", "otlp", out}).code, 0);
        QCOMPARE(lines(contents(out)).size(), count);
    }
};

QTEST_GUILESS_MAIN(TestCliExportReport)
#include "test_cli_export_report.moc"
