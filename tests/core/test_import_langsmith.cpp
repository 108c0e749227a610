// The LangSmith mapper, fed its fixtures record by record: spans, parents, exact times, usage,
// status, conversation, thread/user/tags, stable ids, the reasons for bad records, and a detector
// that claims LangSmith runs and nothing else.
#include "import_mapper_rig.h"
#include "model/attributes.h"
#include "trace/import/langsmith_mapper.h"
#include "trace/import/stable_ids.h"

#include <QTest>

using namespace ts;
using nlohmann::json;
using ts::import::langsmithFormat;
using ts::import::spanIdFor;
using ts::import::traceIdFor;

namespace {

constexpr Nanos kMs = 1'000'000;

const char* const kAgentRoot = "1b64098b-4ab7-43f6-afee-992304f198d8";
const char* const kChatRoot = "0a1b2c3d-0000-4000-8000-000000000001";
const char* const kSequenceRoot = "aa000000-0000-4000-8000-000000000001";

rig::Mapped mapFile(const char* file)
{
    return rig::mapAll(langsmithFormat(), rig::recordsOf(QStringLiteral("langsmith/") + QLatin1String(file)));
}

const Span& spanOfRun(const Trace& trace, const char* runId, const char* root)
{
    const Span* span = trace.findSpan(spanIdFor(runId, root));
    if (!span)
        qFatal("no span for run %s", runId);
    return *span;
}

} // namespace

class TestImportLangSmith : public QObject
{
    Q_OBJECT

  private slots:
    void detectsItsOwnRecords_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("array of runs") << QStringLiteral("langsmith/agent_runs.json");
        QTest::newRow("run lines") << QStringLiteral("langsmith/runs.jsonl");
        QTest::newRow("nested child runs") << QStringLiteral("langsmith/nested_run.json");
    }
    void detectsItsOwnRecords()
    {
        QFETCH(QString, file);
        QVERIFY(langsmithFormat().detect(rig::firstRecordOf(file)));
    }

    void detectsAQueryPage()
    {
        const std::string run = rig::firstRecordOf(QStringLiteral("langsmith/agent_runs.json"));
        QVERIFY(langsmithFormat().detect(R"({"runs":[)" + run + R"(],"cursors":{"next":null}})"));
        QVERIFY(!langsmithFormat().detect(R"({"runs":[],"cursors":{}})"));
    }

    void refusesOtherFormats()
    {
        const std::vector<std::string> foreign = rig::foreignFirstRecords();
        QCOMPARE(foreign.size(), std::size_t{5});
        for (const std::string& record : foreign)
            QVERIFY2(!langsmithFormat().detect(record), record.c_str());
        for (const char* file : {"langfuse/agent_trace.json", "langfuse/observations_only.jsonl",
                                 "langfuse/api_page.json", "langfuse/mixed.jsonl"})
            QVERIFY2(!langsmithFormat().detect(rig::firstRecordOf(QLatin1String(file))), file);
        QVERIFY(!langsmithFormat().detect("{"));
        QVERIFY(!langsmithFormat().detect(R"({"id":"r1","name":"x","start_time":"2025-03-14T09:00:00Z"})"));
    }

    void agentRunsFormOneTrace()
    {
        const rig::Mapped mapped = mapFile("agent_runs.json");
        QVERIFY(mapped.reasons.empty());
        QCOMPARE(mapped.traceIds(), std::vector<std::string>{"1b64098b4ab743f6afee992304f198d8"});
        const Trace trace = mapped.trace(traceIdFor(kAgentRoot));
        QCOMPARE(trace.spans.size(), std::size_t{5});
        const Span& root = *trace.root();
        QCOMPARE(root.spanId, spanIdFor(kAgentRoot, kAgentRoot));
        QCOMPARE(root.name, std::string("AgentExecutor"));
        QCOMPARE(root.start,
                 rig::utcNs(2025, 3, 14, 9, 26, 53, 120 * kMs)); // LangSmith writes UTC without a zone
        QCOMPARE(root.end, rig::utcNs(2025, 3, 14, 9, 26, 56));
        QCOMPARE(root.status, SpanStatus::Ok);
        QCOMPARE(root.attrString(attr::kSession), std::string("thread-9"));
        QCOMPARE(root.attrString(attr::kConversationId), std::string("thread-9"));
        QCOMPARE(root.attrString(attr::kUser), std::string("user-7"));
        QCOMPARE(root.attrString(attr::kTags), std::string("agent,prod"));
        QCOMPARE(root.attrString(attr::kProject), std::string("5f2c8d1e-3a4b-4c6d-8e9f-0a1b2c3d4e5f"));
        QCOMPARE(root.attrString("langsmith.run_type"), std::string("chain"));
        QVERIFY(!root.attr(attr::kInputTokens)); // a chain's counts add up its children's
        for (const Span& s : trace.spans)
            if (&s != &root)
                QCOMPARE(s.parentSpanId, root.spanId);
        // Records came one by one: the first conversation met stays (the root's here).
        QCOMPARE(trace.input.size(), std::size_t{1});
        QCOMPARE(trace.input[0].content, std::string("What's the weather in Paris?"));
        QCOMPARE(trace.output.size(), std::size_t{1});
        QCOMPARE(trace.output[0].content, std::string("It is 18°C and sunny in Paris."));
    }

    void llmRunsAreModelCalls()
    {
        const Trace trace = mapFile("agent_runs.json").trace(traceIdFor(kAgentRoot));
        const Span& plan = spanOfRun(trace, "809ed3a2-0172-4f4d-8a02-a64e9b7a0f8a", kAgentRoot);
        QCOMPARE(plan.kind, SpanKind::Client);
        QCOMPARE(plan.attrString(attr::kStage), std::string("llm.call"));
        QCOMPARE(plan.attrString(attr::kOperationName), std::string("chat"));
        QCOMPARE(plan.attrString(attr::kRequestModel), std::string("gpt-4o"));
        QCOMPARE(plan.attrString(attr::kResponseModel), std::string("gpt-4o-2024-08-06"));
        QCOMPARE(plan.attrString(attr::kProviderName), std::string("openai"));
        QCOMPARE(plan.attrDouble(attr::kRequestTemperature), std::optional<double>(0.2));
        QCOMPARE(plan.attrInt(attr::kRequestMaxTokens), std::optional<std::int64_t>(512));
        QVERIFY(plan.attr(attr::kRequestStream) && !plan.attrBool(attr::kRequestStream));
        QCOMPARE(plan.attrInt(attr::kInputTokens), std::optional<std::int64_t>(150));
        QCOMPARE(plan.attrInt(attr::kCacheReadTokens), std::optional<std::int64_t>(100));
        QCOMPARE(plan.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(20));
        QCOMPARE(plan.attrInt(attr::kReasoningTokens), std::optional<std::int64_t>(0));
        QCOMPARE(plan.attrDouble(attr::kCostReportedUsd),
                 std::optional<double>(0.000475)); // a Decimal as text
        QCOMPARE(plan.attrDouble(attr::kTimeToFirstChunk), std::optional<double>(0.45));
        QVERIFY(plan.attr(attr::kFinishReasons));
        QCOMPARE(std::get<std::vector<std::string>>(*plan.attr(attr::kFinishReasons)),
                 std::vector<std::string>{"tool_calls"});

        // Streamed: no first_token_time, but new_token events; usage only in the message.
        const Span& answer = spanOfRun(trace, "3c4d5e6f-7081-4293-a4b5-c6d7e8f90a1b", kAgentRoot);
        QCOMPARE(answer.start, rig::utcNs(2025, 3, 14, 9, 26, 54, 460 * kMs)); // 10:26:54.46+01:00
        QCOMPARE(answer.end, rig::utcNs(2025, 3, 14, 9, 26, 55, 900 * kMs));
        QCOMPARE(answer.attrDouble(attr::kTimeToFirstChunk), std::optional<double>(0.45));
        QCOMPARE(answer.attrInt(attr::kInputTokens), std::optional<std::int64_t>(168));
        QCOMPARE(answer.attrInt(attr::kCacheReadTokens), std::optional<std::int64_t>(128));
        QCOMPARE(answer.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(15));
        QVERIFY(answer.attrBool(attr::kRequestStream));
        QVERIFY(!answer.attr(attr::kCostReportedUsd));
    }

    void toolRunsAndErrors()
    {
        const Trace trace = mapFile("agent_runs.json").trace(traceIdFor(kAgentRoot));
        const Span& tool = spanOfRun(trace, "c8d9f4c5-6c5a-4b2d-9b1c-3d9d7a7c5c7c", kAgentRoot);
        QCOMPARE(tool.attrString(attr::kStage), std::string("tool"));
        QCOMPARE(tool.attrString(attr::kToolName), std::string("get_weather"));
        QCOMPARE(tool.status, SpanStatus::Ok);

        const Span& failed = spanOfRun(trace, "2f1e0d9c-8b7a-4654-9321-0fedcba98765", kAgentRoot);
        QCOMPARE(failed.status, SpanStatus::Error);
        QCOMPARE(failed.statusMessage, std::string("ConnectionError('SMTP server unreachable')"));
        QCOMPARE(failed.attrString(attr::kErrorType), std::string("ConnectionError"));
        QCOMPARE(failed.events.size(), std::size_t{1});
        const SpanEvent& exception = failed.events[0];
        QCOMPARE(exception.name, std::string("exception"));
        QCOMPARE(exception.time, failed.end);
        QCOMPARE(std::get<std::string>(exception.attributes.at("exception.type")),
                 std::string("ConnectionError"));
        QVERIFY(std::get<std::string>(exception.attributes.at("exception.stacktrace"))
                    .find("agent.py\", line 42") != std::string::npos);
    }

    void idsAreStableAcrossRuns()
    {
        for (const char* file : {"agent_runs.json", "runs.jsonl", "nested_run.json"}) {
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

    void wrappedCallsLineageAndReasons()
    {
        const rig::Mapped mapped = mapFile("runs.jsonl");
        QCOMPARE(mapped.reasons.size(), std::size_t{4});
        QCOMPARE(mapped.reasons[0].first, 2);
        QVERIFY(QString::fromStdString(mapped.reasons[0].second).startsWith(QStringLiteral("not JSON: ")));
        QCOMPARE(mapped.reasons[1], std::make_pair(3, std::string("run: no id")));
        QCOMPARE(mapped.reasons[2],
                 std::make_pair(
                     4, std::string("run 0a1b2c3d-0000-4000-8000-000000000009: no readable start_time")));
        QCOMPARE(mapped.reasons[3],
                 std::make_pair(6, std::string("run 0a1b2c3d-0000-4000-8000-00000000000a: no trace_id")));

        const Trace trace = mapped.trace(traceIdFor(kChatRoot));
        QCOMPARE(trace.spans.size(), std::size_t{2});
        const Span& root = *trace.root();
        QCOMPARE(root.name, std::string("chat_turn"));
        QCOMPARE(root.attrString(attr::kSession), std::string("conv-12"));
        QCOMPARE(root.attrString(attr::kProject), std::string("playground"));
        // No trace_id nor parent_run_id: the dotted order names both.
        const Span& call = spanOfRun(trace, "0a1b2c3d-0000-4000-8000-000000000002", kChatRoot);
        QCOMPARE(call.parentSpanId, root.spanId);
        QCOMPARE(call.start, rig::utcNs(2025, 3, 14, 10, 0, 0, 100 * kMs)); // epoch milliseconds
        QCOMPARE(call.end, rig::utcNs(2025, 3, 14, 10, 0, 1, 350 * kMs));
        // The SDK's wrapper records the request arguments as inputs and the reply as outputs.
        QCOMPARE(call.attrString(attr::kRequestModel), std::string("gpt-4o-mini"));
        QCOMPARE(call.attrString(attr::kResponseModel), std::string("gpt-4o-mini-2024-07-18"));
        QCOMPARE(call.attrDouble(attr::kRequestTemperature), std::optional<double>(0.7));
        QCOMPARE(call.attrInt(attr::kRequestMaxTokens), std::optional<std::int64_t>(256));
        QCOMPARE(call.attrInt(attr::kInputTokens), std::optional<std::int64_t>(9));
        QCOMPARE(call.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(7));
        QCOMPARE(std::get<std::vector<std::string>>(*call.attr(attr::kFinishReasons)),
                 std::vector<std::string>{"stop"});
        QCOMPARE(trace.input.size(), std::size_t{1});
        QCOMPARE(trace.input[0].content, std::string("Hi there"));
        QCOMPARE(trace.output.size(), std::size_t{1});
        QCOMPARE(trace.output[0].content, std::string("Hello! How can I help?"));
    }

    void nestedChildRuns()
    {
        const rig::Mapped mapped = mapFile("nested_run.json");
        QCOMPARE(mapped.reasons.size(), std::size_t{1});
        QCOMPARE(mapped.reasons[0], std::make_pair(1, std::string("child_runs[2]: run: no id")));
        const Trace trace = mapped.trace(traceIdFor(kSequenceRoot));
        QCOMPARE(trace.spans.size(), std::size_t{5});
        const Span& root = *trace.root();
        QCOMPARE(root.attrString(attr::kSession), std::string("s-1"));
        QCOMPARE(root.attrString(attr::kTags), std::string("seq"));
        const Span& chain = spanOfRun(trace, "aa000000-0000-4000-8000-000000000003", kSequenceRoot);
        QCOMPARE(spanOfRun(trace, "aa000000-0000-4000-8000-000000000002", kSequenceRoot).parentSpanId,
                 root.spanId);
        QCOMPARE(chain.parentSpanId, root.spanId);
        const Span& draft = spanOfRun(trace, "aa000000-0000-4000-8000-000000000004", kSequenceRoot);
        QCOMPARE(draft.parentSpanId, chain.spanId);
        QCOMPARE(draft.attrString(attr::kRequestModel), std::string("claude-3-5-haiku-20241022"));
        QCOMPARE(draft.attrString(attr::kProviderName), std::string("anthropic"));
        QCOMPARE(draft.attrInt(attr::kRequestMaxTokens), std::optional<std::int64_t>(300));
        QCOMPARE(draft.attrInt(attr::kInputTokens), std::optional<std::int64_t>(11));
        QCOMPARE(spanOfRun(trace, "aa000000-0000-4000-8000-000000000005", kSequenceRoot).parentSpanId,
                 chain.spanId);
        // One record: the last call's conversation holds the whole exchange.
        QCOMPARE(trace.input.size(), std::size_t{3});
        QCOMPARE(trace.input[2].content, std::string("Shorter."));
        QCOMPARE(trace.output.size(), std::size_t{1});
        QCOMPARE(trace.output[0].content, std::string("Tides follow the moon."));
    }

    void nestingHasALimit()
    {
        json run = {
            {"id", "leaf"}, {"name", "leaf"}, {"run_type", "chain"}, {"start_time", "2025-03-14T09:00:00Z"}};
        for (int depth = 0; depth < 70; ++depth)
            run = {{"id", "r" + std::to_string(depth)},
                   {"name", "level"},
                   {"run_type", "chain"},
                   {"start_time", "2025-03-14T09:00:00Z"},
                   {"child_runs", json::array({run})}};
        const rig::Mapped mapped = rig::mapAll(langsmithFormat(), {run.dump()});
        QCOMPARE(mapped.reasons.size(), std::size_t{1});
        QVERIFY(mapped.reasons[0].second.find("nested deeper than 64") != std::string::npos);
        QCOMPARE(mapped.pieces.size(), std::size_t{65});
    }
};

QTEST_GUILESS_MAIN(TestImportLangSmith)
#include "test_import_langsmith.moc"
