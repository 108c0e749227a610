// The two programs together, as a user runs them: tokenscope-cli writes traces while the Traces
// panel is open on the same workspace, and `tokenscope --screenshot` renders each panel.
#include "test_env.h"
#include "trace/store.h"
#include "traces/trace_table_model.h"
#include "traces/traces_panel.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ts;

namespace {

int runCli(const QStringList& args)
{
    QProcess p;
    p.start(QString::fromStdString(test::cliPath()), args);
    p.waitForFinished(120'000);
    return p.exitCode();
}

QString guiPath() { return qEnvironmentVariable("TOKENSCOPE_GUI"); }

// Share of pixels that differ from the most common colour: a blank or failed render is ~0.
double busyness(const QImage& image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            ++counts[image.pixel(x, y)];
    int top = 0, total = 0;
    for (int c : counts) {
        top = std::max(top, c);
        total += c;
    }
    return 1.0 - double(top) / total;
}

} // namespace

class TestAppEndToEnd : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void tracesFromAnotherProcessAppearLive()
    {
        const QString db = dir_.filePath(QStringLiteral("live.tokenscope"));
        std::shared_ptr<TraceStore> store = TraceStore::open(db.toStdString(), TraceStore::OpenMode::CreateIfMissing);
        ui::TracesPanel panel(store);
        panel.resize(1200, 700);
        panel.show();
        QTRY_VERIFY(panel.model()->isComplete());
        QCOMPARE(panel.model()->rowCount(), 0);
        QCOMPARE(runCli({QStringLiteral("chat"), QStringLiteral("--db"), db, QStringLiteral("first from the CLI")}), 0);
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 1, 3000);
        QCOMPARE(runCli({QStringLiteral("chat"), QStringLiteral("--db"), db, QStringLiteral("second from the CLI")}), 0);
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 2, 3000);
    }

    void screenshotsShowTheWorkspace_data()
    {
        QTest::addColumn<QString>("panel");
        QTest::newRow("playground") << QStringLiteral("playground");
        QTest::newRow("traces") << QStringLiteral("traces");
        QTest::newRow("cache") << QStringLiteral("cache");
    }
    void screenshotsShowTheWorkspace()
    {
        QFETCH(QString, panel);
        QVERIFY2(!guiPath().isEmpty(), "TOKENSCOPE_GUI is not set");
        const QString db = dir_.filePath(QStringLiteral("demo.tokenscope"));
        if (!QFile::exists(db))
            QCOMPARE(runCli({QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--days"), QStringLiteral("1"),
                             QStringLiteral("--rate"), QStringLiteral("200")}),
                     0);
        const QString png = dir_.filePath(panel + QStringLiteral(".png"));
        QProcess p;
        p.start(guiPath(), {QStringLiteral("--screenshot"), png, QStringLiteral("--panel"), panel, QStringLiteral("--db"), db,
                            QStringLiteral("--size"), QStringLiteral("1280x800")});
        QVERIFY(p.waitForFinished(60'000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 800));
        QVERIFY2(busyness(image) > 0.05, qPrintable(QString::number(busyness(image))));
    }

    void screenshotRefusesUnknownPanelAndMissingWorkspace()
    {
        QProcess p;
        p.start(guiPath(), {QStringLiteral("--screenshot"), dir_.filePath(QStringLiteral("x.png")), QStringLiteral("--panel"),
                            QStringLiteral("nonsense")});
        QVERIFY(p.waitForFinished(30'000));
        QCOMPARE(p.exitCode(), 2);
        const QString missing = dir_.filePath(QStringLiteral("missing.tokenscope"));
        p.start(guiPath(), {QStringLiteral("--screenshot"), dir_.filePath(QStringLiteral("y.png")), QStringLiteral("--db"), missing});
        QVERIFY(p.waitForFinished(30'000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(missing));
        QVERIFY(!QFile::exists(missing));
    }
};

QTEST_MAIN(TestAppEndToEnd)
#include "test_app_end_to_end.moc"
