// Every format's fixtures through the whole import (detection, mapping, assembly, the store), then
// the round trip the OTLP export promises: import, export, import into a fresh workspace, and the
// traces and the exported bytes come back the same.
#include "qtest_std_string.h"
#include "test_env.h"
#include "trace/export/otlp_export.h"
#include "trace/import/importer.h"

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <fstream>
#include <sstream>

using namespace ts;
using namespace ts::import;

namespace {

struct Fixture
{
    const char* file; // under tests/data/import
    const char* format;
    int skipped; // the records the fixture breaks on purpose
};

// Every fixture of every format but the wholly broken ones (which have their own tests).
constexpr Fixture kFixtures[] = {
    {"otlp/genai_current.jsonl", "otlp", 0},
    {"otlp/genai_deprecated.jsonl", "otlp", 0},
    {"otlp/openinference.json", "otlp", 0},
    {"otlp/openllmetry.jsonl", "otlp", 0},
    {"otlp/base64_ids.json", "otlp", 0},
    {"otlp/tokenscope_export.jsonl", "tokenscope", 0},
    {"langfuse/agent_trace.json", "langfuse", 0},
    {"langfuse/api_page.json", "langfuse", 0},
    {"langfuse/mixed.jsonl", "langfuse", 4},
    {"langfuse/observations_only.jsonl", "langfuse", 0},
    {"langsmith/agent_runs.json", "langsmith", 0},
    {"langsmith/nested_run.json", "langsmith", 1},
    {"langsmith/runs.jsonl", "langsmith", 4},
};

std::string path(const char* relative)
{
    return test::dataDir() + "/import/" + relative;
}

std::vector<std::string> allFixtures()
{
    std::vector<std::string> out;
    for (const Fixture& f : kFixtures)
        out.push_back(path(f.file));
    return out;
}

std::vector<std::string> storedIds(TraceStore& store)
{
    std::vector<std::string> ids;
    for (const TraceSummary& s : store.reader()->page({}, {}, 0, 100000))
        ids.push_back(s.traceId);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::string exportAll(TraceStore& store)
{
    std::ostringstream out;
    const exporting::ExportResult result = exporting::exportOtlp(*store.reader(), {}, out);
    if (!result.ok())
        throw std::runtime_error("export failed: " + result.error);
    return out.str();
}

// Spans and exchanges in a set order, so two loads compare field by field.
Trace normalised(Trace t)
{
    std::sort(t.spans.begin(), t.spans.end(), [](const Span& a, const Span& b) { return a.spanId < b.spanId; });
    std::sort(t.exchanges.begin(), t.exchanges.end(), [](const Exchange& a, const Exchange& b) {
        return std::tie(a.spanId, a.requestBody, a.responseBody) < std::tie(b.spanId, b.requestBody, b.responseBody);
    });
    t.summary = {};
    return t;
}

} // namespace

class TestImportRoundTrip : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    int dbs_ = 0;

    std::unique_ptr<TraceStore> freshStore()
    {
        const QString name = QStringLiteral("w%1.db").arg(++dbs_);
        return TraceStore::open(dir_.filePath(name).toStdString(), TraceStore::OpenMode::CreateIfMissing);
    }

  private Q_SLOTS:
    void everyFixtureIsDetectedImportedAndNotAddedTwice_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("skipped");
        for (const Fixture& f : kFixtures)
            QTest::newRow(f.file) << QString::fromLatin1(f.file) << QString::fromLatin1(f.format) << f.skipped;
    }

    void everyFixtureIsDetectedImportedAndNotAddedTwice()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, skipped);
        const std::string p = path(file.toLatin1().constData());
        const std::vector<FilePlan> plan = planImport({p}, "");
        QCOMPARE(plan.size(), std::size_t(1));
        QCOMPARE(plan[0].error, std::string());
        QVERIFY(plan[0].format);
        QCOMPARE(std::string(plan[0].format->name), format.toStdString());

        auto store = freshStore();
        const ImportReport first = importFiles(*store, {p}, {});
        QCOMPARE(first.error, std::string());
        QCOMPARE(first.files.size(), std::size_t(1));
        const FileReport& f = first.files[0];
        QCOMPARE(f.error, std::string());
        QCOMPARE(f.skipped, std::int64_t(skipped));
        QCOMPARE(f.problems.size(), std::size_t(skipped));
        QCOMPARE(f.stoppedAt, std::string());
        QVERIFY(f.traces > 0);
        QVERIFY(f.spans >= f.traces);
        QVERIFY(store->flush());
        QCOMPARE(store->reader()->count({}), f.traces);

        const ImportReport again = importFiles(*store, {p}, {});
        QCOMPARE(again.files[0].traces, std::int64_t(0));
        QCOMPARE(again.files[0].unchanged, f.traces);
        QVERIFY(store->flush());
        QCOMPARE(store->reader()->count({}), f.traces);
    }

    void importExportImportLosesNothing()
    {
        auto first = freshStore();
        const ImportReport in = importFiles(*first, allFixtures(), {});
        QCOMPARE(in.error, std::string());
        for (const FileReport& f : in.files)
            QVERIFY2(f.error.empty() && f.traces > 0, f.file.c_str());
        QVERIFY(first->flush());
        const std::string exported = exportAll(*first);

        const std::string file = dir_.filePath(QStringLiteral("round.otlp.jsonl")).toStdString();
        std::ofstream(file, std::ios::binary) << exported;
        auto second = freshStore();
        const ImportReport back = importFiles(*second, {file}, {});
        QCOMPARE(back.files.size(), std::size_t(1));
        QCOMPARE(back.files[0].format, std::string("tokenscope"));
        QCOMPARE(back.files[0].skipped, std::int64_t(0));
        QVERIFY(second->flush());

        const std::vector<std::string> ids = storedIds(*first);
        QVERIFY(ids.size() >= std::size(kFixtures));
        QCOMPARE(storedIds(*second), ids);
        for (const std::string& id : ids) {
            const Trace a = normalised(*first->reader()->load(id));
            const Trace b = normalised(*second->reader()->load(id));
            QCOMPARE(b.spans.size(), a.spans.size());
            for (std::size_t i = 0; i < a.spans.size(); ++i)
                QVERIFY2(b.spans[i] == a.spans[i], (id + " span " + a.spans[i].spanId).c_str());
            QVERIFY2(b.input == a.input, id.c_str());
            QVERIFY2(b.output == a.output, id.c_str());
            QVERIFY2(b.exchanges == a.exchanges, id.c_str());
        }
        // And the second export is the first one, byte for byte.
        QCOMPARE(exportAll(*second), exported);
    }
};

QTEST_GUILESS_MAIN(TestImportRoundTrip)
#include "test_import_round_trip.moc"
