// The Langfuse mapper, fed its fixtures record by record: spans, parents, exact times, usage,
// status, conversation, user/session/tags, stable ids, the reasons for bad records, and a
// detector that claims Langfuse records and nothing else.
#include "import_mapper_rig.h"
#include "model/attributes.h"
#include "trace/import/langfuse_mapper.h"
#include "trace/import/stable_ids.h"

#include <QTest>

using namespace ts;
using ts::import::langfuseFormat;
using ts::import::spanIdFor;
using ts::import::traceIdFor;

namespace {

constexpr Nanos kMs = 1'000'000;

const char* const kAgentTrace = "4BF92F3577B34DA6A3CE929D0E0E4736";
const char* const kRagTrace = "9e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a50";
const char* const kChatTrace = "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5";
const char* const kHaikuTrace = "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091";

rig::Mapped mapFile(const char* file)
{
    return rig::mapAll(langfuseFormat(), rig::recordsOf(QStringLiteral("langfuse/") + QLatin1String(file)));
}

std::string obsSpan(const char* observationId, const char* traceSource)
{
    return spanIdFor(observationId, traceSource);
}

} // namespace

class TestImportLangfuse : public QObject
{
    Q_OBJECT

  private slots:
    void detectsItsOwnRecords_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("trace with observations") << QStringLiteral("langfuse/agent_trace.json");
        QTest::newRow("blob export rows") << QStringLiteral("langfuse/observations_only.jsonl");
        QTest::newRow("api page") << QStringLiteral("langfuse/api_page.json");
        QTest::newRow("observation line") << QStringLiteral("langfuse/mixed.jsonl");
    }
    void detectsItsOwnRecords()
    {
        QFETCH(QString, file);
        QVERIFY(langfuseFormat().detect(rig::firstRecordOf(file)));
    }

    void refusesOtherFormats()
    {
        const std::vector<std::string> foreign = rig::foreignFirstRecords();
        QCOMPARE(foreign.size(), std::size_t{5});
        for (const std::string& record : foreign)
            QVERIFY2(!langfuseFormat().detect(record), record.c_str());
        for (const char* file :
             {"langsmith/agent_runs.json", "langsmith/runs.jsonl", "langsmith/nested_run.json"})
            QVERIFY2(!langfuseFormat().detect(rig::firstRecordOf(QLatin1String(file))), file);
        QVERIFY(!langfuseFormat().detect("not json"));
        QVERIFY(!langfuseFormat().detect(R"({"data":[],"meta":{"page":1}})"));
        QVERIFY(!langfuseFormat().detect(R"({"id":"x","timestamp":"2025-03-14T09:26:53Z"})"));
    }

    void agentTraceBecomesOneTree()
    {
        const rig::Mapped mapped = mapFile("agent_trace.json");
        QVERIFY(mapped.reasons.empty());
        QVERIFY(mapped.notes.empty());
        QCOMPARE(mapped.traceIds(), std::vector<std::string>{"4bf92f3577b34da6a3ce929d0e0e4736"});
        const Trace trace = mapped.trace(traceIdFor(kAgentTrace));
        QCOMPARE(trace.spans.size(), std::size_t{7});

        const Span& root = *trace.root();
        QCOMPARE(root.name, std::string("weather-agent"));
        QCOMPARE(root.spanId, spanIdFor(kAgentTrace));
        QCOMPARE(root.start, rig::utcNs(2025, 3, 14, 9, 26, 53, 120 * kMs));
        QCOMPARE(root.end, root.start + 2500 * kMs); // the trace's latency outlasts its observations
        QCOMPARE(root.attrString(attr::kUser), std::string("user-42"));
        QCOMPARE(root.attrString(attr::kSession), std::string("session-7"));
        QCOMPARE(root.attrString(attr::kTags), std::string("agent,weather"));
        QCOMPARE(root.attrString("langfuse.release"), std::string("v1.4.2"));
        QCOMPARE(root.attrString("langfuse.environment"), std::string("production"));

        // The agent span (named like its trace) starts at 11:26:53.125+02:00; observation ids
        // that are already span ids are kept, lower-cased.
        const Span* agentSpan = trace.findSpan("00f067aa0ba902b7");
        QVERIFY(agentSpan);
        QCOMPARE(agentSpan->parentSpanId, root.spanId);
        QCOMPARE(agentSpan->start, rig::utcNs(2025, 3, 14, 9, 26, 53, 125 * kMs));
        QCOMPARE(agentSpan->attrString(attr::kOperationName), std::string("invoke_agent"));
        for (const Span& s : trace.spans)
            if (&s != &root && &s != agentSpan)
                QCOMPARE(s.parentSpanId, agentSpan->spanId);
    }

    void generationIsAModelCall()
    {
        const Trace trace = mapFile("agent_trace.json").trace(traceIdFor(kAgentTrace));
        const Span& plan = rig::spanNamed(trace, "plan");
        QCOMPARE(plan.spanId, std::string("a1b2c3d4e5f60718"));
        QCOMPARE(plan.kind, SpanKind::Client);
        QCOMPARE(plan.attrString(attr::kStage), std::string("llm.call"));
        QCOMPARE(plan.attrString(attr::kOperationName), std::string("chat"));
        QCOMPARE(plan.attrString(attr::kRequestModel), std::string("gpt-4o-2024-08-06"));
        QCOMPARE(plan.attrDouble(attr::kRequestTemperature), std::optional<double>(0.2)); // written "0.2"
        QCOMPARE(plan.attrInt(attr::kRequestMaxTokens), std::optional<std::int64_t>(512));
        QVERIFY(plan.attr(attr::kRequestStream) && !plan.attrBool(attr::kRequestStream));
        // usageDetails keeps the cached part apart from input: Tokenscope's input counts it.
        QCOMPARE(plan.attrInt(attr::kInputTokens), std::optional<std::int64_t>(120));
        QCOMPARE(plan.attrInt(attr::kCacheReadTokens), std::optional<std::int64_t>(100));
        QCOMPARE(plan.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(18));
        QVERIFY(plan.attrBool(attr::kUsageReported));
        QCOMPARE(plan.attrDouble(attr::kCostReportedUsd), std::optional<double>(0.00033));
        QCOMPARE(plan.attrDouble(attr::kTimeToFirstChunk), std::optional<double>(0.35));
        QCOMPARE(plan.start, rig::utcNs(2025, 3, 14, 9, 26, 53, 130 * kMs));
        QCOMPARE(plan.end, rig::utcNs(2025, 3, 14, 9, 26, 54, 10 * kMs));
        QCOMPARE(plan.attrString("langfuse.observation.prompt.name"), std::string("weather-planner"));
        QCOMPARE(plan.attrInt("langfuse.observation.prompt.version"), std::optional<std::int64_t>(4));

        const Span& answer = rig::spanNamed(trace, "answer");
        QCOMPARE(answer.attrInt(attr::kInputTokens), std::optional<std::int64_t>(168));
        QCOMPARE(answer.attrInt(attr::kCacheReadTokens), std::optional<std::int64_t>(128));
        QCOMPARE(answer.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(15));
        QCOMPARE(answer.attrDouble(attr::kTimeToFirstChunk), std::optional<double>(0.36));
        QCOMPARE(answer.status, SpanStatus::Unset); // a warning is not an error
        QCOMPARE(answer.attrString("langfuse.observation.level"), std::string("WARNING"));
        QCOMPARE(answer.attrString("langfuse.observation.status_message"),
                 std::string("content filter: low confidence"));
    }

    void toolErrorAndEvent()
    {
        const Trace trace = mapFile("agent_trace.json").trace(traceIdFor(kAgentTrace));
        const Span& tool = rig::spanNamed(trace, "get_weather");
        QCOMPARE(tool.attrString(attr::kStage), std::string("tool"));
        QCOMPARE(tool.attrString(attr::kToolName), std::string("get_weather"));
        QVERIFY(!tool.attr(attr::kInputTokens));
        const Span& failed = rig::spanNamed(trace, "cache-write");
        QCOMPARE(failed.status, SpanStatus::Error);
        QCOMPARE(failed.statusMessage, std::string("redis: connection refused"));
        const Span& event = rig::spanNamed(trace, "answer-shown"); // an EVENT has no end: it is an instant
        QCOMPARE(event.start, rig::utcNs(2025, 3, 14, 9, 26, 55, 395 * kMs));
        QCOMPARE(event.end, event.start);
        QCOMPARE(event.attrString("langfuse.observation.type"), std::string("EVENT"));
    }

    void conversationIsTheLastCalls()
    {
        const Trace trace = mapFile("agent_trace.json").trace(traceIdFor(kAgentTrace));
        QCOMPARE(trace.input.size(), std::size_t{4});
        QCOMPARE(trace.input[0].role, Role::System);
        QCOMPARE(trace.input[1].content, std::string("What's the weather in Paris?"));
        QCOMPARE(trace.input[2].toolCalls.size(), std::size_t{1});
        QCOMPARE(trace.input[2].toolCalls[0].name, std::string("get_weather"));
        QCOMPARE(trace.input[3].role, Role::Tool);
        QCOMPARE(trace.input[3].toolCallId, std::string("call_1"));
        QCOMPARE(trace.output.size(), std::size_t{1});
        QCOMPARE(trace.output[0].role, Role::Assistant);
        QCOMPARE(trace.output[0].content, std::string("It is 18°C and sunny in Paris."));
    }

    void idsAreStableAcrossRuns()
    {
        for (const char* file : {"agent_trace.json", "observations_only.jsonl", "mixed.jsonl"}) {
            const rig::Mapped first = mapFile(file);
            const rig::Mapped second = mapFile(file);
            QCOMPARE(first.pieces.size(), second.pieces.size());
            for (std::size_t i = 0; i < first.pieces.size(); ++i) {
                QCOMPARE(first.pieces[i].traceId, second.pieces[i].traceId);
                QVERIFY(first.pieces[i].spans == second.pieces[i].spans);
                for (const Span& s : first.pieces[i].spans) {
                    QCOMPARE(s.traceId.size(), std::size_t{32});
                    QCOMPARE(s.spanId.size(), std::size_t{16});
                }
            }
        }
    }

    void observationsWithoutTheirTrace()
    {
        const rig::Mapped mapped = mapFile("observations_only.jsonl");
        QVERIFY(mapped.reasons.empty());
        QCOMPARE(mapped.notes.size(), std::size_t{1});
        QVERIFY(QString::fromStdString(mapped.notes[0]).startsWith(QStringLiteral("2 Langfuse trace(s)")));

        const Trace rag = mapped.trace(traceIdFor(kRagTrace));
        QCOMPARE(rag.traceId, std::string("9e1f2a3b4c5d4e6f8a9b0c1d2e3f4a50"));
        QCOMPARE(rag.spans.size(), std::size_t{4});
        const Span& pipeline = rig::spanNamed(rag, "rag-pipeline");
        QVERIFY(pipeline.parentSpanId.empty()); // no trace record: no parent that never arrives
        QCOMPARE(rag.root(), &pipeline);
        QCOMPARE(pipeline.start, rig::utcNs(2025, 3, 14, 9, 30, 0, 250 * kMs)); // no zone: UTC
        QCOMPARE(pipeline.end, rig::utcNs(2025, 3, 14, 9, 30, 2, 750 * kMs));
        for (const Span& s : rag.spans)
            if (&s != &pipeline)
                QCOMPARE(s.parentSpanId, obsSpan("5d0c6b7e-0f3a-4c5e-9b1d-1a2b3c4d5e01", kRagTrace));

        const Span& embed = rig::spanNamed(rag, "embed-question");
        QCOMPARE(embed.attrString(attr::kOperationName), std::string("embeddings"));
        QCOMPARE(embed.attrString(attr::kRequestModel), std::string("text-embedding-3-small"));
        QCOMPARE(embed.attrInt(attr::kInputTokens), std::optional<std::int64_t>(9));
        QCOMPARE(embed.attrDouble(attr::kCostReportedUsd), std::optional<double>(1.8e-7));
        QCOMPARE(rig::spanNamed(rag, "search-docs").attrString(attr::kOperationName),
                 std::string("retrieval"));

        const Span& answer = rig::spanNamed(rag, "answer");
        QCOMPARE(answer.attrString(attr::kRequestModel), std::string("claude-3-5-haiku-20241022"));
        QCOMPARE(answer.attrInt(attr::kInputTokens), std::optional<std::int64_t>(1525));
        QCOMPARE(answer.attrInt(attr::kCacheReadTokens), std::optional<std::int64_t>(1200));
        QCOMPARE(answer.attrInt(attr::kCacheWriteTokens), std::optional<std::int64_t>(300));
        QCOMPARE(answer.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(60));
        QCOMPARE(answer.attrDouble(attr::kRequestTemperature), std::optional<double>(0.7)); // JSON text
        QCOMPARE(answer.attrInt(attr::kRequestMaxTokens), std::optional<std::int64_t>(1024));
        QCOMPARE(answer.attrDouble(attr::kTimeToFirstChunk), std::optional<double>(0.4));
        // The export keeps payloads as JSON text: the generation's is the conversation.
        QCOMPARE(rag.input.size(), std::size_t{2});
        QCOMPARE(rag.input[1].content, std::string("How do I rotate my API key?"));
        QCOMPARE(rag.output.size(), std::size_t{1});
        QCOMPARE(rag.output[0].content, std::string("Open Settings, then Keys."));

        const Trace chat = mapped.trace(traceIdFor(kChatTrace));
        QCOMPARE(chat.spans.size(), std::size_t{1});
        const Span& call = chat.spans[0];
        QCOMPARE(call.status, SpanStatus::Error);
        QCOMPARE(call.statusMessage, std::string("429 Too Many Requests"));
        QCOMPARE(call.start, rig::utcNs(2025, 3, 14, 10, 0, 0));
        QCOMPARE(call.end, rig::utcNs(2025, 3, 14, 10, 0, 1, 500 * kMs));
        // The enriched export carries the trace's user, session and tags on the top-level row.
        QCOMPARE(call.attrString(attr::kUser), std::string("user-9"));
        QCOMPARE(call.attrString(attr::kSession), std::string("sess-3"));
        QCOMPARE(call.attrString(attr::kTags), std::string("support"));
        QVERIFY(!call.attr(attr::kInputTokens)); // no usage reported
        QCOMPARE(chat.input.size(), std::size_t{1});
        QCOMPARE(chat.input[0].content, std::string("Say hello"));
        QVERIFY(chat.output.empty());
    }

    void apiPage()
    {
        const rig::Mapped mapped = mapFile("api_page.json");
        QVERIFY(mapped.reasons.empty());
        QCOMPARE(mapped.traceIds().size(), std::size_t{2});

        const Trace support = mapped.trace(traceIdFor("0c6f8a2e-1b3d-4e5f-9a7b-2c4d6e8f0a1b"));
        QCOMPARE(support.spans.size(), std::size_t{1}); // observations named by id only
        const Span& root = support.spans[0];
        QCOMPARE(root.start, rig::utcNs(2025, 3, 15, 8, 0, 0));
        QCOMPARE(root.end, root.start + 1234 * kMs);
        QCOMPARE(root.attrString(attr::kUser), std::string("cust-5"));
        QCOMPARE(root.attrString(attr::kSession), std::string("ticket-881"));
        QCOMPARE(root.attrString(attr::kConversationId), std::string("ticket-881"));
        QCOMPARE(root.attrString(attr::kTags), std::string("support,billing"));
        QCOMPARE(support.input.size(), std::size_t{1});
        QCOMPARE(support.input[0].content, std::string("My invoice is wrong."));
        QCOMPARE(support.output[0].content, std::string("Sorry about that. Which invoice number?"));

        const Trace summarise = mapped.trace(traceIdFor("6e5d4c3b-2a19-4807-b6a5-948372615f0e"));
        const Span& other = summarise.spans[0];
        QCOMPARE(other.start, rig::utcNs(2025, 3, 15, 8, 0, 0, 500 * kMs)); // 13:30:00.5+05:30
        QCOMPARE(other.end, other.start);
        QVERIFY(!other.attr(attr::kUser) && !other.attr(attr::kSession) && !other.attr(attr::kTags));
        QVERIFY(summarise.input.empty()); // {"document_id": 991} is not a conversation
    }

    void mixedRecordsAndTheirReasons()
    {
        const rig::Mapped mapped = mapFile("mixed.jsonl");
        QCOMPARE(mapped.reasons.size(), std::size_t{4});
        QCOMPARE(mapped.reasons[0].first, 2);
        QVERIFY(QString::fromStdString(mapped.reasons[0].second).startsWith(QStringLiteral("not JSON: ")));
        QCOMPARE(mapped.reasons[1], std::make_pair(5, std::string("observation: no id")));
        QCOMPARE(mapped.reasons[2], std::make_pair(6, std::string("trace: no id")));
        QCOMPARE(
            mapped.reasons[3],
            std::make_pair(
                8, std::string("observation 66666666-7777-4888-9999-aaaaaaaaaaaa: no readable startTime")));
        QVERIFY(mapped.notes.empty()); // the trace record came, late

        const Trace haiku = mapped.trace(traceIdFor(kHaikuTrace));
        QCOMPARE(haiku.spans.size(), std::size_t{4});
        const Span& root = *haiku.root();
        QCOMPARE(root.name, std::string("haiku"));
        QCOMPARE(root.attrString(attr::kUser), std::string("poet-1"));
        // The draft came before its trace record; the record then put it under the root.
        const Span& draft = rig::spanNamed(haiku, "draft");
        QCOMPARE(draft.parentSpanId, root.spanId);
        QCOMPARE(draft.attrInt(attr::kInputTokens), std::optional<std::int64_t>(7));
        QCOMPARE(draft.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(6));
        QCOMPARE(rig::spanNamed(haiku, "format").parentSpanId, draft.spanId);
        QCOMPARE(rig::spanNamed(haiku, "published").parentSpanId, root.spanId);
        QCOMPARE(haiku.input[0].content, std::string("Write a haiku about tea."));
        QCOMPARE(haiku.output[0].content, std::string("Steam curls from the cup"));
    }

    void badElementsOfAPageAreNamed()
    {
        const std::string page =
            R"({"data":[{"id":"o1","traceId":"t1","type":"SPAN","name":"ok",)"
            R"("startTime":"2025-03-14T09:00:00Z"},)"
            R"({"traceId":"t1","type":"SPAN","startTime":"2025-03-14T09:00:00Z"},)"
            R"({"id":"o3","type":"SPAN","startTime":"2025-03-14T09:00:00Z"}],"meta":{"page":1}})";
        const rig::Mapped mapped =
            rig::mapAll(langfuseFormat(), {page, "[1,2]", R"({"id":"x","name":"what"})"});
        QCOMPARE(mapped.reasons.size(), std::size_t{3});
        QCOMPARE(mapped.reasons[0],
                 std::make_pair(
                     1, std::string("data[1]: observation: no id; data[2]: observation o3: no traceId")));
        QCOMPARE(mapped.reasons[1],
                 std::make_pair(2, std::string("not a Langfuse trace or observation (array)")));
        QCOMPARE(mapped.reasons[2].first, 3);
        QCOMPARE(mapped.pieces.size(), std::size_t{1}); // the readable element is kept
        QCOMPARE(mapped.pieces[0].spans[0].name, std::string("ok"));
    }
};

QTEST_GUILESS_MAIN(TestImportLangfuse)
#include "test_import_langfuse.moc"
