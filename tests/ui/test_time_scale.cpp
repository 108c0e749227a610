// The waterfall's time axis arithmetic: time ↔ pixel, zoom about an anchor, pan, clamping to the
// trace's range, and round tick steps with their labels. Exact expectations throughout.
#include "waterfall/time_scale.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ts;
using ts::ui::TimeScale;

namespace {

constexpr Nanos kStart = 1'790'000'000LL * kNsPerSec;

// 1 ms over 1000 pixels: 1 µs a pixel.
TimeScale oneMillisecond()
{
    TimeScale s;
    s.setWidth(1000);
    s.setRange(kStart, kStart + kNsPerMs);
    return s;
}

QStringList labelsOf(const std::vector<TimeScale::Tick>& ticks)
{
    QStringList labels;
    for (const auto& t : ticks)
        labels << t.label;
    return labels;
}

} // namespace

class TestTimeScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeToPixelAndBack()
    {
        const TimeScale s = oneMillisecond();
        QCOMPARE(s.nsPerPixel(), 1000.0);
        QCOMPARE(s.toX(kStart), 0.0);
        QCOMPARE(s.toX(kStart + 500'000), 500.0);
        QCOMPARE(s.toX(kStart - 2000), -2.0);
        QCOMPARE(s.toTime(250), kStart + 250'000);
        QCOMPARE(s.toTime(250.4), kStart + 250'400);
        QVERIFY(s.fitted());
    }

    void zoomKeepsTheAnchor()
    {
        TimeScale s = oneMillisecond();
        s.zoom(2, 500);
        QCOMPARE(s.t0(), kStart + 250'000);
        QCOMPARE(s.t1(), kStart + 750'000);
        QCOMPARE(s.toTime(500), kStart + 500'000);
        s.zoom(4, 100); // anchor at 250 µs + 100 × 500 ns = 300 µs
        QCOMPARE(s.window(), Nanos(125'000));
        QCOMPARE(s.toTime(100), kStart + 300'000);
        QCOMPARE(s.t0(), kStart + 287'500);
        QVERIFY(!s.fitted());
    }

    void zoomOutStopsAtTheRange()
    {
        TimeScale s = oneMillisecond();
        s.zoom(8, 900);
        s.zoom(0.01, 900);
        QVERIFY(s.fitted());
        QCOMPARE(s.t0(), kStart);
        QCOMPARE(s.t1(), kStart + kNsPerMs);
    }

    void zoomInStopsAtTheMinimumWindow()
    {
        TimeScale s = oneMillisecond();
        s.zoom(1e9, 500);
        QCOMPARE(s.window(), TimeScale::kMinWindow);
        QCOMPARE(s.t0(), kStart + 500'000 - 500);
        QCOMPARE(s.nsPerPixel(), 1.0);
    }

    // Zooming in about a point near the edge keeps the window inside the range.
    void zoomNearTheEdgeIsClamped()
    {
        TimeScale s = oneMillisecond();
        s.zoom(0.5, 0); // already fitted: nothing to show beyond the range
        QVERIFY(s.fitted());
        s.zoom(2, 1000);
        QCOMPARE(s.t0(), kStart + 500'000);
        QCOMPARE(s.t1(), kStart + kNsPerMs);
    }

    void panMovesByPixelsAndClamps()
    {
        TimeScale s = oneMillisecond();
        s.zoom(2, 500); // [250, 750] µs, 500 ns a pixel
        s.pan(100);
        QCOMPARE(s.t0(), kStart + 300'000);
        QCOMPARE(s.t1(), kStart + 800'000);
        s.pan(-200);
        QCOMPARE(s.t0(), kStart + 200'000);
        s.pan(1e6);
        QCOMPARE(s.t1(), kStart + kNsPerMs);
        QCOMPARE(s.window(), Nanos(500'000));
        s.pan(-1e6);
        QCOMPARE(s.t0(), kStart);
        QCOMPARE(s.window(), Nanos(500'000));
    }

    void widthChangesPixelsNotTime()
    {
        TimeScale s = oneMillisecond();
        s.zoom(2, 500);
        s.setWidth(250);
        QCOMPARE(s.t0(), kStart + 250'000);
        QCOMPARE(s.nsPerPixel(), 2000.0);
        QCOMPARE(s.toX(kStart + 750'000), 250.0);
    }

    void setWindowClamps()
    {
        TimeScale s = oneMillisecond();
        s.setWindow(kStart - 100, kStart + 2 * kNsPerMs);
        QVERIFY(s.fitted());
        s.setWindow(kStart + 999'900, kStart + 999'950); // narrower than the minimum, past the end
        QCOMPARE(s.t0(), kStart + kNsPerMs - TimeScale::kMinWindow);
        QCOMPARE(s.t1(), kStart + kNsPerMs);
    }

    void emptyRangeStillHasAWindow()
    {
        TimeScale s;
        s.setWidth(100);
        s.setRange(kStart, kStart);
        QCOMPARE(s.window(), TimeScale::kMinWindow);
        QCOMPARE(s.toX(kStart), 0.0);
    }

    void niceStep_data()
    {
        QTest::addColumn<double>("rough");
        QTest::addColumn<qint64>("step");
        QTest::newRow("1") << 1.0 << qint64(1);
        QTest::newRow("3") << 3.0 << qint64(5);
        QTest::newRow("7") << 7.0 << qint64(10);
        QTest::newRow("11") << 11.0 << qint64(20);
        QTest::newRow("150") << 150.0 << qint64(200);
        QTest::newRow("1000") << 1000.0 << qint64(1000);
        QTest::newRow("1001") << 1001.0 << qint64(2000);
        QTest::newRow("4.2 ms") << 4.2e6 << qint64(5'000'000);
        QTest::newRow("0.3") << 0.3 << qint64(1);
        QTest::newRow("70 s") << 7e10 << qint64(100'000'000'000);
    }

    void niceStep()
    {
        QFETCH(double, rough);
        QFETCH(qint64, step);
        QCOMPARE(TimeScale::niceStep(rough), step);
    }

    void label_data()
    {
        QTest::addColumn<qint64>("since");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << qint64(1000) << u"0"_s;
        QTest::newRow("ns") << qint64(300) << qint64(100) << u"300 ns"_s;
        QTest::newRow("µs") << qint64(250'000) << qint64(50'000) << u"250 µs"_s;
        QTest::newRow("µs below half a ms") << qint64(1'400'000) << qint64(200'000) << u"1400 µs"_s;
        QTest::newRow("ms with a decimal") << qint64(1'500'000) << qint64(500'000) << u"1.5 ms"_s;
        QTest::newRow("ms") << qint64(150'000'000) << qint64(50'000'000) << u"150 ms"_s;
        QTest::newRow("s with a decimal") << qint64(1'500'000'000) << qint64(500'000'000) << u"1.5 s"_s;
        QTest::newRow("s") << qint64(12'000'000'000) << qint64(2'000'000'000) << u"12 s"_s;
    }

    void label()
    {
        QFETCH(qint64, since);
        QFETCH(qint64, step);
        QFETCH(QString, text);
        QCOMPARE(TimeScale::label(since, step), text);
    }

    void ticksOfTheWholeRange()
    {
        const TimeScale s = oneMillisecond();
        const auto ticks = s.ticks(80); // 80 px is 80 µs: the step rounds up to 100 µs
        QCOMPARE(ticks.size(), std::size_t(11));
        QCOMPARE(ticks[3].at, kStart + 300'000);
        QCOMPARE(ticks[3].x, 300.0);
        QCOMPARE(labelsOf(ticks).mid(0, 3), (QStringList{u"0"_s, u"100 µs"_s, u"200 µs"_s}));
        QCOMPARE(ticks.back().label, u"1000 µs"_s);
    }

    void ticksOfAZoomedWindow()
    {
        TimeScale s = oneMillisecond();
        s.zoom(2, 500); // [250, 750] µs
        s.pan(7);       // [253.5, 753.5] µs
        const auto ticks = s.ticks(80); // 40 µs → 50 µs steps
        QCOMPARE(ticks.front().at, kStart + 300'000);
        QCOMPARE(ticks.front().x, 93.0);
        QCOMPARE(ticks.front().label, u"300 µs"_s);
        QCOMPARE(ticks.size(), std::size_t(10));
    }
};

QTEST_APPLESS_MAIN(TestTimeScale)
#include "test_time_scale.moc"
