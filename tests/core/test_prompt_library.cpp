// Saved prompts in a real workspace file: versions, dedupe, pins, renames, deletes, refusals,
// two connections, and the in-place upgrade of a schema-1 workspace that already holds traces.
#include "prompts/prompt_json.h"
#include "prompts/prompt_library.h"
#include "prompts/version_changes.h"
#include "trace/schema.h"
#include "trace/sqlite_store.h"
#include "trace/workspace_open.h"
#include "trace_fixtures.h"

#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace ts;
using namespace ts::prompts;
using OpenMode = TraceStore::OpenMode;

namespace {

PromptVersionDraft draft(const std::string& name, const std::string& text, const std::string& model = "gpt-4o")
{
    PromptVersionDraft d;
    d.name = name;
    d.content.system = "You are terse.";
    d.content.templateText = text;
    d.content.provider = "openai";
    d.content.model = model;
    d.content.params.temperature = 0.2;
    d.content.params.maxTokens = 300;
    return d;
}

template <class T>
const T& ok(const Result<T>& r)
{
    if (!r.ok())
        qWarning("unexpected refusal: %s", r.error.c_str());
    return r.value;
}

bool refused(const Status& s, const char* words)
{
    if (s.ok() || s.error.find(words) == std::string::npos) {
        qWarning("expected a refusal with \"%s\", got \"%s\"", words, s.error.c_str());
        return false;
    }
    return true;
}

} // namespace

class TestPromptLibrary : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    int counter_ = 0;
    std::string freshPath()
    {
        return dir_.filePath(QStringLiteral("ws-%1.db").arg(++counter_)).toStdString();
    }
    std::unique_ptr<PromptLibrary> freshLibrary()
    {
        return PromptLibrary::open(freshPath(), OpenMode::CreateIfMissing, 2000);
    }

  private slots:
    void createThenListAndGet()
    {
        auto lib = freshLibrary();
        PromptVersionDraft d = draft("Summarize", "Summarize {{doc}} in {{n}} words");
        d.variables = {{"doc", "the memo"}, {"n", "50"}};
        d.content.params.tools = {{"search", "web search", R"({"type":"object"})"}};
        d.content.params.responseFormat.type = ResponseFormat::Type::JsonSchema;
        d.content.params.responseFormat.name = "summary";
        d.content.params.responseFormat.schemaJson = R"({"type":"object"})";
        const PromptVersion v1 = ok(lib->create(d, "trace-1", 1000));
        QCOMPARE(v1.number, 1);
        QCOMPARE(v1.promptName, std::string("Summarize"));
        const auto list = ok(lib->list());
        QCOMPARE(list.size(), std::size_t{1});
        QCOMPARE(list[0].name, std::string("Summarize"));
        QCOMPARE(list[0].versionCount, 1);
        QCOMPARE(list[0].latestVersion, 1);
        QCOMPARE(list[0].pinnedVersion, 0);
        QCOMPARE(list[0].created, Nanos{1000});
        const PromptVersion back = ok(lib->version(list[0].id, 1));
        QVERIFY(back.content == d.content);
        QVERIFY(back.variables == d.variables);
        QCOMPARE(back.traceId, std::string("trace-1"));
        QCOMPARE(back.created, Nanos{1000});
        QVERIFY(!back.pinned);
    }

    void identicalSendsDoNotMultiplyVersions()
    {
        auto lib = freshLibrary();
        const std::int64_t id = ok(lib->create(draft("P", "Hello {{who}}"), "", 1)).promptId;
        PromptVersionDraft same = draft("P", "Hello {{who}}");
        same.variables = {{"who", "Ada"}};
        Recorded r = ok(lib->record(same, "t-2", 2));
        QVERIFY(!r.added);
        QCOMPARE(r.version.number, 1);
        QCOMPARE(ok(lib->versions(id)).size(), std::size_t{1});
        QVERIFY(ok(lib->version(id, 1)).variables == same.variables); // last values kept

        r = ok(lib->record(draft("P", "Hello, {{who}}!"), "t-3", 3));
        QVERIFY(r.added);
        QCOMPARE(r.version.number, 2);
        QCOMPARE(r.version.traceId, std::string("t-3"));
        r = ok(lib->record(draft("P", "Hello, {{who}}!", "gpt-4o-mini"), "t-4", 4));
        QCOMPARE(r.version.number, 3);
        PromptVersionDraft warmer = draft("P", "Hello, {{who}}!", "gpt-4o-mini");
        warmer.content.params.temperature = 0.9;
        QCOMPARE(ok(lib->record(warmer, "t-5", 5)).version.number, 4);
        QCOMPARE(ok(lib->record(warmer, "t-6", 6)).version.number, 4);
        // Going back to an older text is a new version: versions follow sends, not contents.
        QCOMPARE(ok(lib->record(draft("P", "Hello {{who}}"), "t-7", 7)).version.number, 5);

        const auto versions = ok(lib->versions(id));
        QCOMPARE(versions.size(), std::size_t{5});
        QCOMPARE(versions.front().number, 5); // newest first
        QCOMPARE(versions.back().number, 1);
        QCOMPARE(ok(lib->list())[0].updated, Nanos{7});
    }

    void recordAcceptsTheNameInAnyCase()
    {
        auto lib = freshLibrary();
        lib->create(draft("Support reply", "a"), "", 1);
        QCOMPARE(ok(lib->record(draft("  support REPLY ", "b"), "t", 2)).version.number, 2);
    }

    void pinAndUnpin()
    {
        auto lib = freshLibrary();
        const std::int64_t id = ok(lib->create(draft("P", "one"), "", 1)).promptId;
        lib->record(draft("P", "two"), "", 2);
        lib->record(draft("P", "three"), "", 3);
        QVERIFY(lib->pin(id, 2, 4).ok());
        QCOMPARE(ok(lib->list())[0].pinnedVersion, 2);
        QCOMPARE(ok(lib->current(id)).number, 2);
        const auto versions = ok(lib->versions(id));
        QVERIFY(!versions[0].pinned && versions[1].pinned && !versions[2].pinned);
        QVERIFY(refused(lib->pin(id, 9), "has no version 9"));
        QCOMPARE(ok(lib->list())[0].pinnedVersion, 2);
        QVERIFY(lib->unpin(id).ok());
        QCOMPARE(ok(lib->list())[0].pinnedVersion, 0);
        QCOMPARE(ok(lib->current(id)).number, 3);
    }

    void renameAndDelete()
    {
        auto lib = freshLibrary();
        const std::int64_t a = ok(lib->create(draft("Alpha", "x"), "", 1)).promptId;
        const std::int64_t b = ok(lib->create(draft("Beta", "y"), "", 2)).promptId;
        lib->record(draft("Beta", "y2"), "", 3);
        QVERIFY(lib->rename(a, "  Gamma ", 4).ok());
        QCOMPARE(ok(lib->find("gamma")).id, a);
        QCOMPARE(ok(lib->version(a, 1)).promptName, std::string("Gamma"));
        QVERIFY(lib->rename(a, "GAMMA", 5).ok()); // its own name in another case
        QVERIFY(refused(lib->rename(a, "beta"), "A prompt named \u201CBeta\u201D already exists"));
        QVERIFY(lib->remove(b).ok());
        QCOMPARE(ok(lib->list()).size(), std::size_t{1});
        QVERIFY(refused(lib->versions(b), "no longer in the workspace"));
        QVERIFY(refused(lib->remove(b), "no longer in the workspace"));
        // The name is free again, and numbering starts over for the new prompt.
        QCOMPARE(ok(lib->create(draft("Beta", "z"), "", 6)).number, 1);
    }

    void badInputIsRefusedInWords_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("words");
        QTest::newRow("empty name") << 0 << "A prompt needs a name.";
        QTest::newRow("blank name") << 1 << "A prompt needs a name.";
        QTest::newRow("two lines") << 2 << "A prompt name is one line.";
        QTest::newRow("too long") << 3 << "at most 200 characters";
        QTest::newRow("duplicate any case") << 4 << "A prompt named \u201CTaken\u201D already exists";
        QTest::newRow("record to a missing prompt") << 5 << "No saved prompt is named \u201CNobody\u201D";
        QTest::newRow("rename a missing prompt") << 6 << "no longer in the workspace";
        QTest::newRow("pin a missing prompt") << 7 << "no longer in the workspace";
        QTest::newRow("missing version") << 8 << "\u201CTaken\u201D has no version 3.";
        QTest::newRow("find a missing name") << 9 << "No saved prompt is named \u201Cghost\u201D.";
    }

    void badInputIsRefusedInWords()
    {
        QFETCH(int, which);
        QFETCH(QString, words);
        auto lib = freshLibrary();
        const std::int64_t taken = ok(lib->create(draft("Taken", "t"), "", 1)).promptId;
        const Status statuses[] = {
            lib->create(draft("", "x")),
            lib->create(draft(" \t ", "x")),
            lib->create(draft("a\nb", "x")),
            lib->create(draft(std::string(201, 'n'), "x")),
            lib->create(draft("TAKEN", "x")),
            lib->record(draft("Nobody", "x"), "t"),
            lib->rename(taken + 100, "new"),
            lib->pin(taken + 100, 1),
            lib->version(taken, 3),
            lib->find("ghost"),
        };
        QVERIFY(refused(statuses[which], words.toStdString().c_str()));
        QCOMPARE(ok(lib->list()).size(), std::size_t{1}); // nothing half-written
        QCOMPARE(ok(lib->versions(taken)).size(), std::size_t{1});
    }

    void twoConnectionsSeeEachOtherAndNumberVersionsOnce()
    {
        const std::string path = freshPath();
        auto first = PromptLibrary::open(path, OpenMode::CreateIfMissing, 5000);
        auto second = PromptLibrary::open(path, OpenMode::ExistingOnly, 5000);
        const std::int64_t id = ok(first->create(draft("Shared", "v1"), "", 1)).promptId;
        QCOMPARE(ok(second->list()).size(), std::size_t{1});
        QVERIFY(refused(second->create(draft("shared", "x")), "already exists"));

        auto sendMany = [](PromptLibrary* lib, const char* tag) {
            for (int i = 0; i < 20; ++i)
                lib->record(draft("Shared", std::string(tag) + std::to_string(i)), "", 10 + i);
        };
        std::thread a(sendMany, first.get(), "a");
        std::thread b(sendMany, second.get(), "b");
        a.join();
        b.join();
        const auto versions = ok(first->versions(id));
        QCOMPARE(versions.size(), std::size_t{41});
        for (std::size_t i = 0; i < versions.size(); ++i)
            QCOMPARE(versions[i].number, int(41 - i));
        QVERIFY(second->pin(id, 7).ok());
        QCOMPARE(ok(first->current(id)).number, 7);
    }

    void paramsSurviveAndOddJsonReadsAsDefaults()
    {
        PromptParams p;
        p.temperature = 0.7;
        p.topP = 0.95;
        p.maxTokens = 512;
        p.seed = 42;
        p.tools = {{"lookup", "find a thing", "{}"}};
        p.responseFormat.type = ResponseFormat::Type::JsonObject;
        QVERIFY(json::paramsFromJson(json::paramsToJson(p)) == p);
        QVERIFY(json::paramsFromJson(json::paramsToJson({})) == PromptParams{});
        QVERIFY(json::paramsFromJson("not json") == PromptParams{});
        QVERIFY(json::paramsFromJson(R"({"temperature":"hot","tools":[{"name":5}]})") == PromptParams{});
        QVERIFY(json::variablesFromJson(R"({"a":"1","b":2})") == (VariableValues{{"a", "1"}}));
    }

    void settingChangesListWhatDiffers()
    {
        PromptVersion a;
        a.content = draft("P", "x").content;
        a.variables = {{"city", "Paris"}, {"n", "3"}};
        PromptVersion b = a;
        b.content.model = "gpt-4o-mini";
        b.content.params.temperature.reset();
        b.content.params.tools = {{"search", "", "{}"}};
        b.variables = {{"city", "Rome"}, {"n", "3"}};
        const auto changes = settingChanges(a, b);
        QCOMPARE(changes.size(), std::size_t{4});
        QVERIFY((changes[0] == SettingChange{"Model", "gpt-4o", "gpt-4o-mini"}));
        QVERIFY((changes[1] == SettingChange{"Temperature", "0.2", "\u2014"}));
        QVERIFY((changes[2] == SettingChange{"Tools", "\u2014", "search"}));
        QVERIFY((changes[3] == SettingChange{"Variable {{city}}", "Paris", "Rome"}));
        PromptVersion c = b;
        c.content.params.tools[0].parametersJson = R"({"type":"object"})";
        QCOMPARE(settingChanges(b, c).size(), std::size_t{1});
        QCOMPARE(settingChanges(b, c)[0].after, std::string("search (edited)"));
        QVERIFY(settingChanges(a, a).empty());
    }

    // A workspace written by a build with schema 1 (real traces through the real writer) gains the
    // prompt tables when opened, keeps every trace, and then works for both the store and prompts.
    void schemaOneWorkspaceIsUpgradedWithItsTraces()
    {
        const std::string path = freshPath();
        const workspace::Migrations v1{{1, workspace::createSchemaV1}};
        std::vector<std::string> ids;
        {
            // Rows as a version-1 Tokenscope wrote them (today's writer fills columns v1 lacks).
            sql::Connection db = workspace::openWorkspace(path, OpenMode::CreateIfMissing, 2000, v1);
            for (int i = 0; i < 12; ++i) {
                ids.push_back(newTraceId());
                db.exec("INSERT INTO traces (trace_id, name, start_ns, model, span_count) VALUES ('" + ids.back() +
                        "', 'chat', " + std::to_string(1'767'225'600'000'000'000 + i) + ", 'gpt-4o-mini', 0)");
            }
        }
        {
            sql::Connection db(path, sql::Connection::Mode::ReadOnly);
            QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{1});
            QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'prompts'"), std::int64_t{0});
        }
        auto lib = PromptLibrary::open(path, OpenMode::ExistingOnly, 2000);
        QCOMPARE(ok(lib->list()).size(), std::size_t{0});
        QVERIFY(lib->create(draft("After upgrade", "hi"), ids[3], 1).ok());
        {
            sql::Connection db(path, sql::Connection::Mode::ReadOnly);
            QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{TraceStore::kSchemaVersion});
            QCOMPARE(db.queryInt("SELECT count(*) FROM traces"), std::int64_t{12});
        }
        auto store = TraceStore::open(path, OpenMode::ExistingOnly);
        QCOMPARE(store->reader()->count({}), std::int64_t{12});
        QVERIFY(store->reader()->load(ids[3]).has_value());
        QCOMPARE(ok(lib->current(ok(lib->find("after upgrade")).id)).traceId, ids[3]);
    }

    void aNewerWorkspaceIsRefusedAsTheStoreRefusesIt()
    {
        const std::string path = freshPath();
        PromptLibrary::open(path, OpenMode::CreateIfMissing);
        {
            sql::Connection db(path, sql::Connection::Mode::ReadWrite);
            db.exec("PRAGMA user_version = " + std::to_string(TraceStore::kSchemaVersion + 1));
        }
        try {
            PromptLibrary::open(path);
            QFAIL("opened a newer workspace");
        } catch (const WorkspaceError& e) {
            QCOMPARE(e.reason(), WorkspaceError::Reason::NewerSchema);
            const std::string newer = "(schema " + std::to_string(TraceStore::kSchemaVersion + 1) + " > " +
                                      std::to_string(TraceStore::kSchemaVersion) + ")";
            QVERIFY2(std::string(e.what()).find(newer) != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestPromptLibrary)
#include "test_prompt_library.moc"
