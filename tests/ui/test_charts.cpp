// The chart layer: data in, the same numbers out as CSV, a PNG on disk, a sentence in place of an
// empty chart, and the threshold marker following a click on the plot.
#include "charts/chart_csv.h"
#include "charts/time_series_chart.h"
#include "charts/xy_curve_chart.h"

#include <QAbstractScrollArea>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ts::ui::charts;

namespace {

TimeSeries twoDays()
{
    TimeSeries data;
    data.style = TimeSeries::Style::StackedBars;
    data.title = u"Saved"_s;
    data.y = {u"USD"_s, u"$%.2f"_s};
    data.days = {QDate(2026, 11, 20), QDate(2026, 11, 21)};
    data.series = {{u"Exact"_s, Qt::blue, {0.5, 1.25}}, {u"Semantic, lexical"_s, Qt::red, {0, 2}}};
    return data;
}

XYCurves curves()
{
    XYCurves data;
    data.xTitle = u"threshold"_s;
    data.leftCurve = {u"Hit rate"_s, Qt::blue, {{0.5, 40}, {0.75, 20}, {1.0, 5}}};
    data.rightCurve = {u"Saved"_s, Qt::red, {{0.5, 3}, {0.75, 2}, {1.0, 0.5}}};
    return data;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timeSeriesCsv();
    void curvesCsv();
    void exportsFiles();
    void messageInsteadOfAnEmptyChart();
    void clickMovesTheMarker();
};

void TestCharts::timeSeriesCsv()
{
    QCOMPARE(csvOf(twoDays()), u"day,Exact,\"Semantic, lexical\"\n2026-11-20,0.5,0\n2026-11-21,1.25,2\n"_s);
}

void TestCharts::curvesCsv()
{
    QCOMPARE(csvOf(curves()), u"threshold,Hit rate,Saved\n0.5,40,3\n0.75,20,2\n1,5,0.5\n"_s);
}

void TestCharts::exportsFiles()
{
    QTemporaryDir dir;
    TimeSeriesChart chart;
    chart.resize(400, 300);
    chart.setData(twoDays());
    QVERIFY(chart.hasChart());
    const QString png = dir.filePath(u"chart.png"_s);
    QVERIFY(chart.exportPng(png));
    QCOMPARE(QImage(png).isNull(), false);
    const QString csv = dir.filePath(u"chart.csv"_s);
    QVERIFY(chart.exportCsv(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), csvOf(twoDays()));
}

void TestCharts::messageInsteadOfAnEmptyChart()
{
    TimeSeriesChart chart;
    chart.showMessage(u"No traces yet."_s);
    QVERIFY(!chart.hasChart());
    QCOMPARE(chart.message(), u"No traces yet."_s);
    chart.setData(twoDays());
    QVERIFY(chart.hasChart());
    QVERIFY(chart.message().isEmpty());
}

void TestCharts::clickMovesTheMarker()
{
    XYCurveChart chart;
    chart.resize(600, 400);
    chart.setData(curves());
    chart.setMarker(0.5);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QSignalSpy moved(&chart, &XYCurveChart::markerMoved);
    const auto* view = chart.findChild<QAbstractScrollArea*>(); // the chart view, whatever draws it
    QVERIFY(view);
    QWidget* plot = view->viewport();
    QTest::mouseClick(plot, Qt::LeftButton, {}, QPoint(plot->width() * 3 / 4, plot->height() / 2));
    QCOMPARE(moved.count(), 1);
    const double x = moved.at(0).at(0).toDouble();
    QVERIFY2(x > 0.75 && x < 1.0, qPrintable(QString::number(x))); // right of the middle, inside the axis
    QCOMPARE(chart.marker(), x);
}

QTEST_MAIN(TestCharts)
#include "test_charts.moc"
