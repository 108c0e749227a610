#include "common/format.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ts::ui;

class TestFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cost_data();
    void cost();
    void tokens_data();
    void tokens();
    void traceCount();
    void bytes_data();
    void bytes();
    void duration_data();
    void duration();
    void offset_data();
    void offset();
    void timestamp_data();
    void timestamp();
    void relativeTime_data();
    void relativeTime();
};

void TestFormat::cost_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0.0 << u"$0"_s;
    QTest::newRow("tiny") << 0.00001 << u"<$0.0001"_s;
    QTest::newRow("rounds up to the smallest step") << 0.00006 << u"$0.0001"_s;
    QTest::newRow("cents and below") << 0.0123 << u"$0.0123"_s;
    QTest::newRow("below a dollar") << 0.5 << u"$0.5000"_s;
    QTest::newRow("just below a dollar rounds to one") << 0.99996 << u"$1.00"_s;
    QTest::newRow("dollars") << 1.234 << u"$1.23"_s;
    QTest::newRow("thousands grouped") << 1234.5 << u"$1,234.50"_s;
    QTest::newRow("cents carry") << 9.999 << u"$10.00"_s;
    QTest::newRow("negative") << -0.0123 << u"-$0.0123"_s;
}

void TestFormat::cost()
{
    QFETCH(double, usd);
    QFETCH(QString, expected);
    QCOMPARE(format::cost(usd), expected);
}

void TestFormat::bytes_data()
{
    QTest::addColumn<qulonglong>("size");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0ull << u"0 B"_s;
    QTest::newRow("bytes") << 812ull << u"812 B"_s;
    QTest::newRow("kilobytes") << 4200ull << u"4.2 KB"_s;
    QTest::newRow("rounds up into the next unit") << 999960ull << u"1.0 MB"_s;
    QTest::newRow("megabytes") << 120400000ull << u"120.4 MB"_s;
    QTest::newRow("gigabytes keep two decimals") << 1234567890ull << u"1.23 GB"_s;
    QTest::newRow("terabytes") << 5300000000000ull << u"5.30 TB"_s;
}

void TestFormat::bytes()
{
    QFETCH(qulonglong, size);
    QFETCH(QString, expected);
    QCOMPARE(format::bytes(size), expected);
}

void TestFormat::tokens_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << u"0"_s;
    QTest::newRow("three digits") << qint64(999) << u"999"_s;
    QTest::newRow("thousand") << qint64(1000) << u"1,000"_s;
    QTest::newRow("example") << qint64(12345) << u"12,345"_s;
    QTest::newRow("million") << qint64(1234567) << u"1,234,567"_s;
    QTest::newRow("negative") << qint64(-12345) << u"-12,345"_s;
}

void TestFormat::tokens()
{
    QFETCH(qint64, count);
    QFETCH(QString, expected);
    QCOMPARE(format::tokens(count), expected);
}

void TestFormat::traceCount()
{
    QCOMPARE(format::traceCount(0), u"0 traces"_s);
    QCOMPARE(format::traceCount(1), u"1 trace"_s);
    QCOMPARE(format::traceCount(2), u"2 traces"_s);
    QCOMPARE(format::traceCount(12345), u"12,345 traces"_s);
}

void TestFormat::duration_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0.0 << u"0 ms"_s;
    QTest::newRow("sub-millisecond") << 0.42 << u"0.42 ms"_s;
    QTest::newRow("microseconds") << 0.0374 << u"37 µs"_s;
    QTest::newRow("under a microsecond") << 0.0002 << u"1 µs"_s;
    QTest::newRow("rounds into 0.10 ms") << 0.09996 << u"0.10 ms"_s;
    QTest::newRow("a few ms") << 8.46 << u"8.5 ms"_s;
    QTest::newRow("rounds into whole ms") << 9.96 << u"10 ms"_s;
    QTest::newRow("hundreds of ms") << 850.2 << u"850 ms"_s;
    QTest::newRow("rounds into seconds") << 999.7 << u"1.00 s"_s;
    QTest::newRow("seconds") << 1240.0 << u"1.24 s"_s;
    QTest::newRow("rounds into minutes") << 59'999.0 << u"1 min 00 s"_s;
    QTest::newRow("minutes") << 123'000.0 << u"2 min 03 s"_s;
    QTest::newRow("hours") << 3'900'000.0 << u"1 h 05 min"_s;
    QTest::newRow("negative") << -850.0 << u"-850 ms"_s;
}

void TestFormat::duration()
{
    QFETCH(double, ms);
    QFETCH(QString, expected);
    QCOMPARE(format::duration(ms), expected);
}

void TestFormat::offset_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("start") << 0.0 << u"+0.0 ms"_s;
    QTest::newRow("ms") << 12.34 << u"+12.3 ms"_s;
    QTest::newRow("seconds") << 1240.0 << u"+1.240 s"_s;
    QTest::newRow("before") << -3.0 << u"-3.0 ms"_s;
}

void TestFormat::offset()
{
    QFETCH(double, ms);
    QFETCH(QString, expected);
    QCOMPARE(format::offset(ms), expected);
}

void TestFormat::timestamp_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QTimeZone>("zone");
    QTest::addColumn<QString>("expected");
    const qint64 t = 1'795'701'801'000'000'000LL; // 2026-11-26T14:03:21Z
    QTest::newRow("utc") << t << QTimeZone::utc() << u"2026-11-26 14:03:21"_s;
    QTest::newRow("offset zone") << t << QTimeZone(3600) << u"2026-11-26 15:03:21"_s;
    QTest::newRow("sub-second dropped") << t + 999'000'000 << QTimeZone::utc() << u"2026-11-26 14:03:21"_s;
}

void TestFormat::timestamp()
{
    QFETCH(qint64, ns);
    QFETCH(QTimeZone, zone);
    QFETCH(QString, expected);
    QCOMPARE(format::timestamp(ns, zone), expected);
}

void TestFormat::relativeTime_data()
{
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("expected");
    QTest::newRow("now") << qint64(2) << u"just now"_s;
    QTest::newRow("seconds") << qint64(42) << u"42 s ago"_s;
    QTest::newRow("minutes") << qint64(5 * 60 + 10) << u"5 min ago"_s;
    QTest::newRow("hours") << qint64(3 * 3600) << u"3 h ago"_s;
    QTest::newRow("a day") << qint64(86400 + 5) << u"1 day ago"_s;
    QTest::newRow("days") << qint64(2 * 86400) << u"2 days ago"_s;
    QTest::newRow("months") << qint64(65 * 86400) << u"2 months ago"_s;
    QTest::newRow("years") << qint64(800 * 86400) << u"2 years ago"_s;
    QTest::newRow("future") << qint64(-5 * 60) << u"in 5 min"_s;
}

void TestFormat::relativeTime()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, expected);
    const ts::Nanos now = 1'795'701'801'000'000'000LL;
    QCOMPARE(format::relativeTime(now - secondsAgo * ts::kNsPerSec, now), expected);
}

QTEST_GUILESS_MAIN(TestFormat)
#include "test_format.moc"
