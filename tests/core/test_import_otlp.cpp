// Importing OTLP/JSON logs into a real workspace: each convention's shape read field by field,
// Tokenscope's own export coming back unchanged, re-imports, late pieces, cancelling and bad input.
#include "catalog/catalog.h"
#include "catalog/cost.h"
#include "import_test_logs.h"
#include "model/attributes.h"
#include "qtest_std_string.h"
#include "test_env.h"
#include "trace/import/import_formats.h"
#include "trace/import/importer.h"
#include "trace_fixtures.h"

#include <QTemporaryDir>
#include <QTest>
#include <fstream>

using namespace ts;
using namespace ts::import;

namespace {

std::string fixture(const char* name)
{
    return test::dataDir() + "/import/otlp/" + name;
}

Trace loaded(TraceStore& store, const std::string& traceId)
{
    auto trace = store.reader()->load(traceId);
    if (!trace)
        throw std::runtime_error("trace " + traceId + " is not stored");
    return *trace;
}

std::int64_t stored(TraceStore& store)
{
    return store.reader()->count({});
}

Message message(Role role, std::string content)
{
    Message m;
    m.role = role;
    m.content = std::move(content);
    return m;
}

double catalogCost(const std::string& model, Usage usage)
{
    return costOf(*Catalog::current()->find(model), usage).total();
}

} // namespace

class TestImportOtlp : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    int dbs_ = 0;

    std::unique_ptr<TraceStore> freshStore()
    {
        const QString name = QStringLiteral("w%1.db").arg(++dbs_);
        return TraceStore::open(dir_.filePath(name).toStdString(), TraceStore::OpenMode::CreateIfMissing);
    }

    std::string writeFile(const char* name, const std::string& bytes)
    {
        const std::string path = dir_.filePath(QString::fromLatin1(name)).toStdString();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

  private Q_SLOTS:
    void currentGenAiConventions()
    {
        auto store = freshStore();
        const ImportReport report = importFiles(*store, {fixture("genai_current.jsonl")}, {});
        QCOMPARE(report.files.size(), std::size_t(1));
        const FileReport& f = report.files[0];
        QCOMPARE(f.format, std::string("otlp"));
        QCOMPARE(f.error, std::string());
        QCOMPARE(f.records, std::int64_t(2));
        QCOMPARE(f.traces, std::int64_t(2));
        QCOMPARE(f.spans, std::int64_t(3));
        QCOMPARE(f.skipped, std::int64_t(0));

        const Trace a = loaded(*store, "0af7651916cd43dd8448eb211c80319c");
        QCOMPARE(a.spans.size(), std::size_t(2));
        const Span& root = a.spans[0]; // its child came first in the file
        QCOMPARE(root.spanId, std::string("b7ad6b7169203331"));
        QCOMPARE(root.attrString("service.name"), std::string("weather-bot"));
        QCOMPARE(root.attrString("deployment.environment"), std::string("prod"));
        QCOMPARE(root.attrString("otel.scope.name"), std::string("opentelemetry.instrumentation.openai_v2"));
        QCOMPARE(root.attrString(attr::kSource), std::string("otlp"));
        QVERIFY(!root.attr(attr::kStage)); // an agent's span is no model call
        const Span& call = a.spans[1];
        QCOMPARE(call.kind, SpanKind::Client);
        QCOMPARE(call.status, SpanStatus::Ok);
        QCOMPARE(call.attrString(attr::kStage), std::string("llm.call"));
        QCOMPARE(call.attrInt(attr::kInputTokens), std::optional<std::int64_t>(1200));
        QCOMPARE(call.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(80));
        QCOMPARE(call.attrInt(attr::kServerPort), std::optional<std::int64_t>(443));
        QCOMPARE(call.attrDouble(attr::kRequestTemperature), std::optional<double>(0.2));
        QVERIFY(call.attrBool(attr::kRequestStream));
        QVERIFY(*call.attr(attr::kFinishReasons) == AttrValue(std::vector<std::string>{"stop"}));
        QVERIFY(!call.attr("gen_ai.input.messages") && !call.attr("gen_ai.output.messages"));
        Usage usage;
        usage.inputTokens = 1200;
        usage.outputTokens = 80;
        usage.cacheReadTokens = 1024;
        QCOMPARE(call.attrDouble(attr::kCostUsd), std::optional<double>(catalogCost("gpt-4o", usage)));
        QCOMPARE(call.attrBool(attr::kCostEstimated), false);
        QVERIFY(a.input == (std::vector<Message>{message(Role::System, "You answer about the weather."),
                                                 message(Role::User, "Weather in Paris?")}));
        QVERIFY(a.output == std::vector<Message>{message(Role::Assistant, "Sunny, 21 °C.")});
        QCOMPARE(a.summary.model, std::string("gpt-4o"));
        QCOMPARE(a.summary.cacheReadTokens, std::int64_t(1024));
        QCOMPARE(a.summary.durationMs, 1500.0);
        QCOMPARE(a.summary.ttftMs, std::optional<double>(350.0));
        QCOMPARE(a.summary.preview, std::string("Weather in Paris?"));

        const Trace b = loaded(*store, "4bf92f3577b34da6a3ce929d0e0e4736");
        QCOMPARE(b.summary.status, std::string("error"));
        QCOMPARE(b.summary.error, std::string("Overloaded"));
        QCOMPARE(b.spans[0].events.size(), std::size_t(1));
        QCOMPARE(b.spans[0].events[0].attributes.at("exception.type"),
                 AttrValue(std::string("OverloadedError")));
        QVERIFY(b.summary.costUsd > 0);
    }

    void deprecatedNamesAndMessageEvents()
    {
        auto store = freshStore();
        const ImportReport report = importFiles(*store, {fixture("genai_deprecated.jsonl")}, {});
        QCOMPARE(report.files[0].traces, std::int64_t(2));
        const Trace c = loaded(*store, "11112222333344445555666677778888");
        const Span& s = c.spans[0];
        QCOMPARE(s.attrString(attr::kProviderName), std::string("azure.ai.openai"));
        QCOMPARE(s.attrInt(attr::kInputTokens), std::optional<std::int64_t>(50));
        QCOMPARE(s.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(7));
        QCOMPARE(s.attrInt(attr::kRequestSeed), std::optional<std::int64_t>(42));
        QCOMPARE(s.attrString("openai.response.system_fingerprint"), std::string("fp_1"));
        for (const char* gone : {"gen_ai.system", "gen_ai.usage.prompt_tokens", "gen_ai.openai.request.seed"})
            QVERIFY2(!s.attr(gone), gone);
        QVERIFY(s.events.empty());
        QVERIFY(c.input == std::vector<Message>{message(Role::User, "Hi")});
        QVERIFY(c.output == std::vector<Message>{message(Role::Assistant, "Hello!")});
        QCOMPARE(c.summary.inputTokens, std::int64_t(50));

        const Trace d = loaded(*store, "99990000aaaabbbbccccddddeeeeffff"); // instrumentationLibrarySpans
        QVERIFY(d.input ==
                (std::vector<Message>{message(Role::System, "Be brief."), message(Role::User, "2+2?")}));
        QVERIFY(d.output == std::vector<Message>{message(Role::Assistant, "4")});
        QCOMPARE(d.spans[0].events.size(), std::size_t(1)); // the retry event is no message
        QCOMPARE(d.spans[0].events[0].name, std::string("retry"));
        QCOMPARE(d.spans[0].attrString(attr::kProviderName), std::string("openai"));
    }

    void openInference()
    {
        auto store = freshStore();
        const ImportReport report = importFiles(*store, {fixture("openinference.json")}, {});
        QCOMPARE(report.files[0].records, std::int64_t(1)); // one pretty-printed document
        const Trace t = loaded(*store, "e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0");
        const Span& chain = t.spans[0];
        QCOMPARE(chain.attrString(attr::kSession), std::string("sess-9"));
        QCOMPARE(chain.attrString(attr::kUser), std::string("u-7"));
        QCOMPARE(chain.attrString("input.value"), std::string("What is the capital of France?"));
        QCOMPARE(chain.attrString("openinference.project.name"), std::string("default"));
        const Span& llm = t.spans[1];
        QCOMPARE(llm.attrString(attr::kOperationName), std::string("chat"));
        QCOMPARE(llm.attrString(attr::kStage), std::string("llm.call"));
        QCOMPARE(llm.attrString(attr::kRequestModel), std::string("gpt-4o-mini"));
        QCOMPARE(llm.attrString(attr::kProviderName), std::string("openai"));
        QCOMPARE(llm.attrInt(attr::kInputTokens), std::optional<std::int64_t>(25));
        QCOMPARE(llm.attrInt("llm.token_count.total"), std::optional<std::int64_t>(28));
        QCOMPARE(llm.attrString("llm.invocation_parameters"), std::string("{\"temperature\":0}"));
        QVERIFY(!llm.attr("llm.model_name") && !llm.attr("llm.system"));
        for (const auto& [key, value] : llm.attributes)
            QVERIFY2(key.rfind("llm.input_messages", 0) != 0 && key.rfind("llm.output_messages", 0) != 0,
                     key.c_str());
        QVERIFY(t.input == (std::vector<Message>{message(Role::System, "You are a geographer."),
                                                 message(Role::User, "What is the capital of France?")}));
        Message answer = message(Role::Assistant, "Paris");
        answer.toolCalls = {ToolCall{"call_1", "lookup", "{\"city\":\"Paris\"}", {}}};
        QVERIFY(t.output == std::vector<Message>{answer});
        QCOMPARE(t.summary.user, std::string("u-7"));
        QCOMPARE(t.summary.session, std::string("sess-9"));
        QCOMPARE(t.summary.inputTokens, std::int64_t(25));
    }

    void openLLMetry()
    {
        auto store = freshStore();
        importFiles(*store, {fixture("openllmetry.jsonl")}, {});
        const Trace t = loaded(*store, "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0");
        QCOMPARE(t.spans[0].name, std::string("joke_workflow.workflow")); // the root, though written second
        QCOMPARE(t.spans[0].attrString(attr::kOperationName), std::string("invoke_workflow"));
        QCOMPARE(t.spans[0].attrString("otel.scope.name"), std::string("traceloop.sdk"));
        const Span& chat = t.spans[1];
        QCOMPARE(chat.attrString(attr::kProviderName), std::string("openai"));
        QCOMPARE(chat.attrString(attr::kOperationName), std::string("chat"));
        QCOMPARE(chat.attrInt(attr::kInputTokens), std::optional<std::int64_t>(30));
        QCOMPARE(chat.attrInt(attr::kCacheReadTokens), std::optional<std::int64_t>(0));
        QCOMPARE(chat.attrInt("llm.usage.total_tokens"), std::optional<std::int64_t>(42));
        QVERIFY(*chat.attr(attr::kFinishReasons) == AttrValue(std::vector<std::string>{"stop"}));
        QVERIFY(!chat.attr("gen_ai.prompt.0.content") && !chat.attr("gen_ai.completion.0.finish_reason"));
        QVERIFY(t.input == (std::vector<Message>{message(Role::System, "You are funny."),
                                                 message(Role::User, "Tell me a joke about OpenTelemetry")}));
        QVERIFY(t.output ==
                std::vector<Message>{message(Role::Assistant, "Why did the span cross the road?")});
        QCOMPARE(t.summary.model, std::string("gpt-4o"));
    }

    void base64IdsAndEnumNames()
    {
        auto store = freshStore();
        importFiles(*store, {fixture("base64_ids.json")}, {});
        const Trace t = loaded(*store, "5b8efff798038103d269b633813fc60c");
        QCOMPARE(t.spans.size(), std::size_t(2));
        QCOMPARE(t.spans[0].spanId, std::string("eee19b7ec3c1b173"));
        QCOMPARE(t.spans[0].kind, SpanKind::Server);
        QCOMPARE(t.spans[0].status, SpanStatus::Ok);
        QCOMPARE(t.spans[0].start, Nanos(1767225600000000000));
        const Span& call = t.spans[1];
        QCOMPARE(call.spanId, std::string("eee19b7ec3c1b174"));
        QCOMPARE(call.parentSpanId, std::string("eee19b7ec3c1b173"));
        QCOMPARE(call.kind, SpanKind::Client);
        QCOMPARE(call.status, SpanStatus::Error);
        QCOMPARE(call.statusMessage, std::string("rate limited"));
        QCOMPARE(call.attrInt(attr::kHttpStatus), std::optional<std::int64_t>(429));
        QCOMPARE(t.summary.durationMs, 3000.0);
    }

    void tokenscopeExportKeepsItsAttributes()
    {
        auto store = freshStore();
        const ImportReport report = importFiles(*store, {fixture("tokenscope_export.jsonl")}, {});
        QCOMPARE(report.files[0].format, std::string("tokenscope"));
        const Trace t = loaded(*store, "7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a");
        const Span& root = t.spans[0];
        QCOMPARE(root.attributes.size(), std::size_t(6)); // the fixture's eight, less the two messages
        QCOMPARE(root.attrString(attr::kSource), std::string("gateway"));
        QCOMPARE(root.attrString("service.name"), std::string("tokenscope"));
        const Span& call = t.spans[1];
        QCOMPARE(call.attributes.size(), std::size_t(11)); // nothing added: no price, no renames
        QCOMPARE(call.attrDouble(attr::kCostUsd), std::optional<double>(0.0000048));
        QCOMPARE(call.events.size(), std::size_t(1)); // gen_ai.choice stays an event here
        QCOMPARE(call.events[0].name, std::string("gen_ai.choice"));
        QCOMPARE(t.exchanges.size(), std::size_t(1));
        const Exchange& x = t.exchanges[0];
        QCOMPARE(x.spanId, call.spanId);
        QCOMPARE(x.url, std::string("https://api.openai.com/v1/chat/completions"));
        QVERIFY(x.requestHeaders ==
                (std::vector<Header>{{"content-type", "application/json"}, {"authorization", "<redacted>"}}));
        QCOMPARE(x.httpStatus, 200);
        QVERIFY(x.chunks == (std::vector<Exchange::Chunk>{{1767225600200000000, "data: {\"choices\":[]}\n\n"},
                                                          {1767225600300000000, "data: [DONE]\n\n"}}));
        Message answer = message(Role::Assistant, "Hello.");
        answer.toolCalls = {ToolCall{"call_9", "clock", "{}", {}}};
        QVERIFY(t.input ==
                (std::vector<Message>{message(Role::System, "Be terse."), message(Role::User, "Hi")}));
        QVERIFY(t.output == std::vector<Message>{answer});
    }

    void contractRoundTripChangesNothing()
    {
        Trace original = test::richTrace();
        // A chunk that splits a UTF-8 character cannot travel as a JSON string (see the report).
        original.exchanges[0].chunks = {{original.spans[1].start + 1, "data: {\"a\":\"✓\"}\n\n"}};
        const std::string path = writeFile("roundtrip.jsonl", test::contractOtlpLine(original));
        auto store = freshStore();
        const ImportReport report = importFiles(*store, {path}, {});
        QCOMPARE(report.files[0].format, std::string("tokenscope"));
        const Trace back = loaded(*store, original.traceId);
        QCOMPARE(back.spans.size(), original.spans.size());
        for (std::size_t i = 0; i < back.spans.size(); ++i)
            for (const auto& [key, value] : original.spans[i].attributes)
                QVERIFY2(back.spans[i].attr(key) && *back.spans[i].attr(key) == value, key.c_str());
        QVERIFY(back.spans == original.spans);
        QVERIFY(back.input == original.input);
        QVERIFY(back.output == original.output);
        QVERIFY(back.exchanges == original.exchanges);
    }

    void reimportAddsNothing()
    {
        auto store = freshStore();
        importFiles(*store, {fixture("genai_current.jsonl"), fixture("tokenscope_export.jsonl")}, {});
        const ImportReport again =
            importFiles(*store, {fixture("genai_current.jsonl"), fixture("tokenscope_export.jsonl")}, {});
        QCOMPARE(again.files[0].traces, std::int64_t(0));
        QCOMPARE(again.files[0].unchanged, std::int64_t(2));
        QCOMPARE(again.files[1].traces, std::int64_t(0));
        QCOMPARE(again.files[1].unchanged, std::int64_t(1));
        QCOMPARE(stored(*store), std::int64_t(3));
    }

    void aLatePieceJoinsTheStoredTrace()
    {
        auto store = freshStore();
        ImportOptions options;
        options.buffer.maxAgeSpans = 0; // each piece goes out at once: the child before its root
        const ImportReport report = importFiles(*store, {fixture("genai_current.jsonl")}, options);
        QCOMPARE(report.files[0].traces, std::int64_t(3)); // trace A twice: the child, then the whole
        QCOMPARE(stored(*store), std::int64_t(2));
        const Trace a = loaded(*store, "0af7651916cd43dd8448eb211c80319c");
        QCOMPARE(a.spans.size(), std::size_t(2));
        QCOMPARE(a.spans[0].spanId, std::string("b7ad6b7169203331"));
        QCOMPARE(a.spans[0].attrString(attr::kSource), std::string("otlp"));
        QCOMPARE(a.input.size(), std::size_t(2));
    }

    void cancelWritesOnlyWholeTraces()
    {
        const std::string path = writeFile("split.jsonl", test::splitOtlpTraces(60));
        auto store = freshStore();
        CancelToken cancel;
        ImportOptions options;
        options.cancel = &cancel;
        options.read.blockBytes = 1024;
        options.buffer.graceSpans = 3;
        int blocks = 0;
        options.progress = [&](const ImportProgress&) {
            if (++blocks == 8)
                cancel.cancel();
        };
        const ImportReport first = importFiles(*store, {path}, options);
        QVERIFY(first.cancelled);
        const std::int64_t written = first.files[0].traces;
        QVERIFY(written > 0 && written < 60);
        QCOMPARE(stored(*store), written);
        for (const TraceSummary& s : store->reader()->page({}, TraceOrder{}, 0, 100))
            QCOMPARE(s.spanCount, 3);

        const ImportReport rest = importFiles(*store, {path}, {});
        QVERIFY(!rest.cancelled);
        QCOMPARE(rest.files[0].unchanged, written);
        QCOMPARE(rest.files[0].traces, 60 - written);
        QCOMPARE(stored(*store), std::int64_t(60));
    }

    void unknownFormatIsRefusedWithTheList()
    {
        const std::string path = writeFile("other.jsonl", "{\"foo\":1}\n{\"bar\":2}\n");
        auto store = freshStore();
        const ImportReport report = importFiles(*store, {path}, {});
        QCOMPARE(report.files[0].error, unknownFormatMessage());
        for (const ImportFormat* f : importFormats())
            QVERIFY(report.files[0].error.find(std::string(f->name) + " (" + std::string(f->description) +
                                               ")") != std::string::npos);
        QCOMPARE(stored(*store), std::int64_t(0));
        ImportOptions named;
        named.format = "otlp"; // told, the mapper reads each record and says why not
        const ImportReport forced = importFiles(*store, {path}, named);
        QCOMPARE(forced.files[0].skipped, std::int64_t(2));
        QCOMPARE(forced.files[0].problems[0], path + ":1: not OTLP: no resourceSpans or scopeSpans");
    }

    void brokenRecordsAreReportedAndTheRestImported()
    {
        const std::string path = fixture("broken.jsonl");
        auto store = freshStore();
        const FileReport f = importFiles(*store, {path}, {}).files[0];
        QCOMPARE(f.traces, std::int64_t(2));
        QCOMPARE(f.skipped, std::int64_t(4));
        QCOMPARE(f.problems.size(), std::size_t(4));
        QCOMPARE(f.problems[0], path + ":2: not OTLP JSON: span traceId is not a string");
        QCOMPARE(f.problems[1], path + ":3: an OTLP ExportTraceServiceRequest without spans");
        QVERIFY2(f.problems[2].rfind(path + ":4: not JSON: ", 0) == 0 &&
                     f.problems[2].find("UTF-8") != std::string::npos,
                 f.problems[2].c_str());
        QVERIFY(f.problems[2].size() < path.size() + 320); // the parser's quote of the record is cut short
        QCOMPARE(f.problems[3], path + ":5: no span with a valid traceId and spanId (1 left out)");
        QVERIFY(f.notes.empty());
        QCOMPARE(f.stoppedAt, path + ": file ends inside a record that starts at line 6");
        QCOMPARE(loaded(*store, "0af7651916cd43dd8448eb211c80319c").spans.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestImportOtlp)
#include "test_import_otlp.moc"
