// The filter text syntax: what each term parses to, the errors, times, and the full-text
// queries made from search words.
#include "trace/filter.h"
#include "trace/filter_time.h"
#include "trace/fts_query.h"

#include <QTest>

using namespace ts;

namespace {

constexpr Nanos kNow = 1'773'000'000'000'000'000; // a fixed "now" for ages
constexpr Nanos kHour = 3600 * kNsPerSec;
constexpr Nanos kDay = 24 * kHour;

QString describe(const TraceFilter& f)
{
    QStringList parts;
    for (const auto& t : f.terms)
        parts << QString::fromStdString((t.negated ? "-" : "") + t.key + ":" + t.value);
    for (const auto& c : f.compares)
        parts << QString::fromStdString(c.key + c.op) + QString::number(c.value);
    if (f.since)
        parts << QStringLiteral("since=") + QString::number(*f.since);
    if (f.until)
        parts << QStringLiteral("until=") + QString::number(*f.until);
    if (!f.text.empty())
        parts << QStringLiteral("text=") + QString::fromStdString(f.text);
    return parts.join(QLatin1Char('|'));
}

} // namespace

class TestTraceFilter : public QObject
{
    Q_OBJECT

  private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* text, const QString& expected) {
            QTest::newRow(*text ? text : "(empty)") << QString::fromUtf8(text) << expected;
        };
        const auto n = [](Nanos v) { return QString::number(v); };
        row("", {});
        row("   ", {});
        row("model:gpt-4o", QStringLiteral("model:gpt-4o"));
        row("MODEL:gpt-4o", QStringLiteral("model:gpt-4o"));
        row("provider:openai status:error", QStringLiteral("provider:openai|status:error"));
        row("-status:ok", QStringLiteral("-status:ok"));
        row("user:\"Ada Lovelace\"", QStringLiteral("user:Ada Lovelace"));
        row("session:s1 source:demo tag:beta", QStringLiteral("session:s1|source:demo|tag:beta"));
        row("simulated:yes", QStringLiteral("simulated:yes"));
        row("simulated:false", QStringLiteral("simulated:no"));
        row("model:a:b", QStringLiteral("model:a:b"));
        row("cost>0.01", QStringLiteral("cost>0.01"));
        row("cost>=$2", QStringLiteral("cost>=2"));
        row("tokens<1000 ttft<=500 duration=2000", QStringLiteral("tokens<1000|ttft<=500|duration=2000"));
        row("since:2026-11-01", QStringLiteral("since=") + n(filter::utcMidnight(2026, 11, 1)));
        row("until:2026-11-20", QStringLiteral("until=") + n(filter::utcMidnight(2026, 11, 21)));
        row("until:2026-11-20T12:00",
            QStringLiteral("until=") + n(filter::utcMidnight(2026, 11, 20) + 12 * kHour));
        row("since:2024-02-29T23:59:59Z",
            QStringLiteral("since=") + n(filter::utcMidnight(2024, 3, 1) - kNsPerSec));
        row("since:7d", QStringLiteral("since=") + n(kNow - 7 * kDay));
        row("since:24h until:30m", QStringLiteral("since=") + n(kNow - 24 * kHour) +
                                       QStringLiteral("|until=") + n(kNow - 30 * 60 * kNsPerSec));
        row("since:2w", QStringLiteral("since=") + n(kNow - 14 * kDay));
        row("refund", QStringLiteral("text=refund"));
        row("refund \"order number\" model:x", QStringLiteral("model:x|text=refund \"order number\""));
        row("\"model:x\"", QStringLiteral("text=\"model:x\""));
        row("12:30 C++", QStringLiteral("text=12:30 C++"));
        row("hel* -tag:old", QStringLiteral("-tag:old|text=hel*"));
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const FilterParse parsed = parseFilter(text.toStdString(), kNow);
        QVERIFY2(parsed.ok(), parsed.error.c_str());
        QCOMPARE(describe(parsed.filter), expected);
        QCOMPARE(parsed.filter.empty(), expected.isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        const auto row = [](const char* text, const char* error) {
            QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(error);
        };
        row("foo:bar",
            "unknown filter key 'foo' (known: model, provider, route, status, source, user, session, tag, "
            "simulated, since, until, cost, tokens, ttft, duration)");
        row("model:gpt-4o foo>3", "unknown filter key 'foo'");
        row("-foo:x", "unknown filter key 'foo'");
        row("model:", "'model:' needs a value after ':'");
        row("model:\"\"", "needs a value");
        row("status:broken", "'status:broken': status is ok, error or cancelled");
        row("simulated:maybe", "simulated is yes or no");
        row("cost:5", "'cost' compares with >, >=, <, <= or =, as in cost>10");
        row("model>3", "'model' takes a value after ':'");
        row("cost>", "'cost>': not a number after '>'");
        row("cost>abc", "not a number");
        row("cost>1.5x", "not a number");
        row("tokens>=1e", "not a number");
        row("-cost>1", "cannot be negated; reverse the comparison");
        row("-since:7d", "cannot be negated; use until:");
        row("since:yesterday", "'since:yesterday': not a time");
        row("since:2026-13-01", "not a time");
        row("since:2026-02-30", "not a time");
        row("until:2026-11-20T25:00", "not a time");
        row("until:2026-11-20T12", "not a time");
        row("since:7x", "not a time");
        row("since:-7d", "not a time");
        row("\"unclosed phrase", "a quote is not closed");
        row("-refund", "'-refund': only key:value terms can be negated");
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const FilterParse parsed = parseFilter(text.toStdString(), kNow);
        QVERIFY(!parsed.ok());
        QVERIFY2(QString::fromStdString(parsed.error).contains(error), parsed.error.c_str());
        QVERIFY(parsed.error.find('\n') == std::string::npos);
        QVERIFY(parsed.filter.empty());
    }

    void defaultNowIsTheWallClock()
    {
        const Nanos before = wallNowNs();
        const FilterParse parsed = parseFilter("since:1h");
        QVERIFY(parsed.ok() && parsed.filter.since);
        QVERIFY(*parsed.filter.since >= before - kHour);
        QVERIFY(*parsed.filter.since <= wallNowNs() - kHour);
    }

    void utcMidnight_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("month");
        QTest::addColumn<int>("day");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("epoch") << 1970 << 1 << 1 << qint64(0);
        QTest::newRow("y2k") << 2000 << 1 << 1 << qint64(946684800);
        QTest::newRow("leap day") << 2024 << 2 << 29 << qint64(1709164800);
        QTest::newRow("before epoch") << 1969 << 12 << 31 << qint64(-86400);
        QTest::newRow("2026-11-01") << 2026 << 11 << 1 << qint64(1793491200);
    }

    void utcMidnight()
    {
        QFETCH(int, year);
        QFETCH(int, month);
        QFETCH(int, day);
        QFETCH(qint64, seconds);
        QCOMPARE(filter::utcMidnight(year, unsigned(month), unsigned(day)), seconds * kNsPerSec);
    }

    void ftsQueries_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("queries");
        const auto row = [](const char* text, QStringList queries) {
            QTest::newRow(text) << QString::fromUtf8(text) << queries;
        };
        row("refund", {QStringLiteral("\"refund\"")});
        row("refund order", {QStringLiteral("\"refund\""), QStringLiteral("\"order\"")});
        row("\"order number\"", {QStringLiteral("\"order number\"")});
        row("hel*", {QStringLiteral("\"hel\"*")});
        row("\"hel*\"", {QStringLiteral("\"hel*\"")});
        row("fox OR NOT dog", {QStringLiteral("\"fox\""), QStringLiteral("\"OR\""), QStringLiteral("\"NOT\""),
                               QStringLiteral("\"dog\"")});
        row("NEAR(a", {QStringLiteral("\"NEAR(a\"")});
        row("col:fox", {QStringLiteral("\"col:fox\"")});
        row("a\"b c\"d", {QStringLiteral("\"ab cd\"")});
        row("\"open phrase", {QStringLiteral("\"open phrase\"")});
        row("- * ^ \"\" ()", {});
        row("naïve", {QStringLiteral("\"naïve\"")});
    }

    void ftsQueries()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, queries);
        QStringList got;
        for (const std::string& q : filter::ftsQueries(text.toStdString()))
            got << QString::fromStdString(q);
        QCOMPARE(got, queries);
    }
};

QTEST_GUILESS_MAIN(TestTraceFilter)
#include "test_trace_filter.moc"
