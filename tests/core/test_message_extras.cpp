// A message's images and prompt-cache breakpoint are stored with it (schema 6) and come back as
// written; a workspace from before schema 6 gains the column and its messages read as they were.
#include "qtest_std_string.h"
#include "trace/message_extras_json.h"
#include "trace/migrations.h"
#include "trace/sqlite_connection.h"
#include "trace/store.h"
#include "trace/workspace_open.h"
#include "trace_fixtures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ts;

namespace {

Trace withExtras()
{
    Trace trace = test::makeTrace({});
    Message system{Role::System, "You are terse.", {}, {}, {}, {}, "1h"};
    Message user{Role::User, "What is in these pictures?", {}, {}, {}, {}, {}};
    user.images = {{"image/png", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==", {}},
                   {"image/jpeg", {}, "https://example.com/cat.jpg"}};
    user.cacheBreakpoint = "5m";
    Message picture{Role::User, "", {}, {}, {}, {}, {}}; // an image alone, without text
    picture.images = {{"image/webp", "UklGRg==", {}}};
    trace.input = {system, user, picture};
    trace.output = {{Role::Assistant, "A cat and a dog.", {}, {}, {}, {}, {}}};
    return trace;
}

} // namespace

class TestMessageExtras : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;

    std::string path(const char* name) { return dir_.filePath(QString::fromUtf8(name)).toStdString(); }

  private Q_SLOTS:
    void codecRoundTrips()
    {
        const Trace trace = withExtras();
        for (const Message& m : trace.input) {
            const std::optional<std::string> json = codec::messageExtrasToJson(m);
            QVERIFY(json);
            Message back{m.role, m.content, {}, {}, {}, {}, {}};
            codec::messageExtrasFromJson(*json, back);
            QCOMPARE(back, m);
        }
        QCOMPARE(codec::messageExtrasToJson(trace.output[0]), std::optional<std::string>()); // plain: SQL NULL
    }

    void imagesAndBreakpointsComeBackFromTheStore()
    {
        const Trace written = withExtras();
        {
            auto store = TraceStore::open(path("extras.db"), TraceStore::OpenMode::CreateIfMissing);
            store->write(written);
            QVERIFY(store->flush());
        }
        auto store = TraceStore::open(path("extras.db"), TraceStore::OpenMode::ExistingOnly);
        const std::optional<Trace> read = store->reader()->load(written.traceId);
        QVERIFY(read);
        QCOMPARE(read->input, written.input);
        QCOMPARE(read->output, written.output);
    }

    void aVersionFiveWorkspaceGainsTheColumn()
    {
        const std::string at = path("v5.db");
        workspace::Migrations v5 = workspace::migrations();
        v5.resize(5);
        {
            sql::Connection db = workspace::openWorkspace(at, TraceStore::OpenMode::CreateIfMissing, 1000, v5);
            db.exec("INSERT INTO traces (trace_id, start_ns, duration_ms, model) VALUES ('old', 1767225600000000000, 100, 'gpt-4o')");
            db.exec("INSERT INTO messages (trace_rowid, seq, direction, role, content) "
                    "VALUES ((SELECT rowid FROM traces WHERE trace_id = 'old'), 0, 'input', 'user', 'hello')");
            QCOMPARE(db.queryInt("SELECT count(*) FROM pragma_table_info('messages') WHERE name = 'extras'"), std::int64_t{0});
        }
        auto store = TraceStore::open(at, TraceStore::OpenMode::ExistingOnly);
        {
            sql::Connection db(at, sql::Connection::Mode::ReadOnly);
            QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{TraceStore::kSchemaVersion});
            QCOMPARE(db.queryInt("SELECT count(*) FROM pragma_table_info('messages') WHERE name = 'extras'"), std::int64_t{1});
        }
        const std::optional<Trace> old = store->reader()->load("old");
        QVERIFY(old);
        QCOMPARE(old->input.size(), std::size_t{1});
        QCOMPARE(old->input[0].content, std::string("hello"));
        QVERIFY(old->input[0].images.empty());
        QVERIFY(old->input[0].cacheBreakpoint.empty());
        const Trace fresh = withExtras(); // and new traces keep theirs
        store->write(fresh);
        QVERIFY(store->flush());
        QCOMPARE(store->reader()->load(fresh.traceId)->input, fresh.input);
    }
};

QTEST_GUILESS_MAIN(TestMessageExtras)
#include "test_message_extras.moc"
