// Importing logs from the window: the work runs off the GUI thread, the result and its problems
// reach the window, a second import waits its turn, cancel leaves only whole traces, and a drag
// is taken only for local files.
#include "import_test_logs.h"
#include "shell/import_flow.h"
#include "shell/import_job.h"
#include "test_env.h"
#include "trace/store.h"

#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <fstream>

using namespace ts;

class TestImportFlow : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    int dbs_ = 0;

    std::shared_ptr<TraceStore> freshStore()
    {
        const QString name = QStringLiteral("w%1.tokenscope").arg(++dbs_);
        return TraceStore::open(dir_.filePath(name).toStdString(), TraceStore::OpenMode::CreateIfMissing);
    }

    static QString fixture(const char* relative)
    {
        return QString::fromStdString(test::dataDir() + "/import/") + QLatin1String(relative);
    }

    // A log big enough that an import is still running when the test acts on it.
    QString bigLog(int traces)
    {
        const QString path = dir_.filePath(QStringLiteral("big-%1.jsonl").arg(traces));
        if (!QFileInfo::exists(path))
            std::ofstream(path.toStdString(), std::ios::binary) << test::splitOtlpTraces(traces);
        return path;
    }

  private Q_SLOTS:
    void importsFilesAndReportsTheirProblems()
    {
        auto store = freshStore();
        QWidget window;
        ui::ImportFlow flow(store, &window);
        QSignalSpy status(&flow, &ui::ImportFlow::status);
        QSignalSpy imported(&flow, &ui::ImportFlow::imported);
        QVERIFY(flow.importFiles({fixture("otlp/genai_current.jsonl"), fixture("langfuse/mixed.jsonl")}));
        QCOMPARE(status.count(), 1); // "Importing 2 files…" at once, before any work is done
        QVERIFY(status.at(0).at(0).toString().startsWith(QStringLiteral("Importing 2 file")));
        QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, 30000);
        const QString summary = imported.at(0).at(0).toString();
        const QString details = imported.at(0).at(1).toString();
        QCOMPARE(summary, QStringLiteral("Imported 3 traces from 2 files; 4 records skipped"));
        QVERIFY2(details.contains(QStringLiteral("mixed.jsonl:2: ")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("observation: no id")));
        QCOMPARE(status.last().at(0).toString(), summary);
        QCOMPARE(store->reader()->count({}), std::int64_t(3)); // committed before the window says so

        // The same files again add nothing, and the window says why.
        QVERIFY(flow.importFiles({fixture("otlp/genai_current.jsonl")}));
        QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 2, 30000);
        QCOMPARE(imported.at(1).at(0).toString(),
                 QStringLiteral("Imported 0 traces from 1 file; 2 already in the workspace"));
        QCOMPARE(imported.at(1).at(1).toString(), QString());
    }

    void anUnknownFileIsRefusedWithTheFormatsKnown()
    {
        const QString path = dir_.filePath(QStringLiteral("notes.jsonl"));
        std::ofstream(path.toStdString()) << "{\"hello\":\"world\"}\n";
        auto store = freshStore();
        QWidget window;
        ui::ImportFlow flow(store, &window);
        QSignalSpy imported(&flow, &ui::ImportFlow::imported);
        QVERIFY(flow.importFiles({path}));
        QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, 30000);
        QCOMPARE(imported.at(0).at(0).toString(),
                 QStringLiteral("Imported 0 traces from 1 file; 1 file not imported"));
        const QString details = imported.at(0).at(1).toString();
        QVERIFY2(details.contains(QStringLiteral("unknown format")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("langsmith")));
    }

    void oneImportAtATimeAndCancelKeepsWholeTraces()
    {
        auto store = freshStore();
        QWidget window;
        ui::ImportFlow flow(store, &window);
        QSignalSpy status(&flow, &ui::ImportFlow::status);
        QSignalSpy progress(flow.job(), &ui::ImportJob::progress);
        QSignalSpy finished(flow.job(), &ui::ImportJob::finished);
        constexpr int kTraces = 40000;
        QVERIFY(flow.importFiles({bigLog(kTraces)}));
        QVERIFY(flow.job()->running());
        QVERIFY(!flow.importFiles({fixture("otlp/genai_current.jsonl")}));
        QVERIFY(status.last().at(0).toString().contains(QStringLiteral("already running")));

        QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0 || finished.count() > 0, 30000);
        flow.job()->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(!flow.job()->running());
        const auto report = finished.at(0).at(0).value<import::ImportReport>();
        QVERIFY(report.cancelled);
        QVERIFY(status.last().at(0).toString().startsWith(QStringLiteral("Import cancelled: ")));

        // Whatever was written is whole: each trace with its root and both children.
        const std::int64_t stored = store->reader()->count({});
        QVERIFY(stored < kTraces);
        auto reader = store->reader();
        for (const TraceSummary& s : reader->page({}, {}, 0, 200))
            QCOMPARE(reader->load(s.traceId)->spans.size(), std::size_t(3));

        // And the next import of the same file completes the rest.
        QSignalSpy imported(&flow, &ui::ImportFlow::imported);
        QVERIFY(flow.importFiles({bigLog(kTraces)}));
        QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, 120000);
        QCOMPARE(store->reader()->count({}), std::int64_t(kTraces));
    }

    void aDragIsTakenOnlyForLocalFiles()
    {
        QMimeData files;
        const QString log = fixture("otlp/genai_current.jsonl");
        files.setUrls({QUrl::fromLocalFile(log), QUrl::fromLocalFile(dir_.path()),
                       QUrl(QStringLiteral("https://example.com/traces.jsonl"))});
        QCOMPARE(ui::ImportFlow::localFiles(&files), QStringList{log});

        QMimeData text;
        text.setText(QStringLiteral("/tmp/traces.jsonl"));
        QVERIFY(ui::ImportFlow::localFiles(&text).isEmpty());
        QVERIFY(ui::ImportFlow::localFiles(nullptr).isEmpty());
    }
};

QTEST_MAIN(TestImportFlow)
#include "test_import_flow.moc"
