// The LiteLLM mapper: standard logging payloads and spend-log rows as traces (a request root over its
// calls), times to the nanosecond, usage, cost, failures, cache hits, calls sharing a trace_id, who
// asked and with which key (its alias only), and the reasons bad records are refused for.
#include "import_batch_rig.h"
#include "model/attributes.h"
#include "qtest_std_string.h"
#include "trace/import/litellm_mapper.h"
#include "trace/import/stable_ids.h"

#include <QtTest/QTest>

using namespace ts;
using ts::import::LiteLlmMapper;

namespace {

constexpr std::string_view kKeyHash = "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b";

std::map<std::string, Trace> imported(const std::vector<std::string>& lines, rig::Fed& fed,
                                      std::size_t heldBytes = LiteLlmMapper::kDefaultHeldBytes)
{
    LiteLlmMapper mapper(heldBytes);
    rig::feed(mapper, lines, fed);
    rig::finish(mapper, fed);
    return rig::byTrace(fed.pieces);
}

// The payloads' trace_ids are UUIDs: their trace ids are their digits.
std::string payloadTrace(int n)
{
    return import::traceIdFor("9d8c7b6a-000" + std::to_string(n) + "-4f3e-9d2c-00000000000" +
                              std::to_string(n));
}

const Span& only(const std::vector<const Span*>& spans)
{
    static const Span none;
    return spans.size() == 1 ? *spans.front() : none;
}

bool near(std::optional<double> value, double expected)
{
    return value && std::abs(*value - expected) < 1e-9;
}

} // namespace

class TestImportLiteLlm : public QObject
{
    Q_OBJECT

    std::vector<std::string> payloads_ = rig::linesOf(QStringLiteral("litellm/payloads.jsonl"));
    std::vector<std::string> rows_ = rig::linesOf(QStringLiteral("litellm/spend_logs.jsonl"));

  private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(payloads_.size(), std::size_t{7});
        QCOMPARE(rows_.size(), std::size_t{2});
    }

    void detectsItsOwnRecordsOnly()
    {
        const auto& format = import::litellmFormat();
        QCOMPARE(format.name, std::string_view("litellm"));
        QVERIFY(format.detect(payloads_.front()));
        QVERIFY(format.detect(rows_.front()));
        for (const auto& [name, record] : rig::foreignFirstRecords())
            QVERIFY2(!format.detect(record), name.c_str());
        for (const QString& file :
             {QStringLiteral("openai_batch/input.jsonl"), QStringLiteral("openai_batch/output.jsonl")})
            QVERIFY(!format.detect(rig::linesOf(file).front()));
        QVERIFY(
            !format.detect(R"({"id": "x", "call_type": "completion", "startTime": "2025-03-14T09:26:53Z"})"));
        QVERIFY(!format.detect("[]"));
        QVERIFY(format.make() != nullptr);
    }

    void aPayloadBecomesARequestOverItsCall()
    {
        rig::Fed fed;
        const auto traces = imported(payloads_, fed);
        QCOMPARE(fed.problems, std::vector<std::string>{});
        QCOMPARE(fed.notes, std::vector<std::string>{});
        QCOMPARE(traces.size(), std::size_t{6});
        const Trace& trace = traces.at(payloadTrace(1));
        QCOMPARE(trace.traceId, std::string("9d8c7b6a00014f3e9d2c000000000001"));
        QCOMPARE(trace.spans.size(), std::size_t{3});
        const Span& root = only(rig::withStage(trace, "request"));
        const Span& call = only(rig::withStage(trace, "llm.call"));
        const Span& miss = only(rig::withStage(trace, "cache.lookup")); // asked (a cache key), not hit
        QVERIFY(!miss.attrBool(attr::kCacheHit));
        QVERIFY(miss.attr(attr::kCacheHit));
        QCOMPARE(miss.attrString(attr::kCacheKey), std::string("0a3f6b8e1d"));
        QCOMPARE(miss.parentSpanId, root.spanId);
        QCOMPARE(miss.start, root.start);
        QCOMPARE(miss.end, miss.start);
        QCOMPARE(root.spanId, import::spanIdFor("9d8c7b6a-0001-4f3e-9d2c-000000000001", "litellm.request"));
        QVERIFY(root.parentSpanId.empty());
        QCOMPARE(root.kind, SpanKind::Server);
        QCOMPARE(root.name, std::string("chat gpt-4o"));
        QCOMPARE(root.start, Nanos{1741944413123000000}); // startTime 1741944413.123
        QCOMPARE(root.end, Nanos{1741944414456000000});
        QCOMPARE(root.status, SpanStatus::Ok);
        QCOMPARE(root.attrString(attr::kUser), std::string("customer-7")); // end_user before the key's user
        QCOMPARE(root.attrString(attr::kTags), std::string("prod,support"));
        QCOMPARE(root.attrString(attr::kApiKeyName), std::string("support-bot"));
        QCOMPARE(root.attrString(attr::kRequestModel), std::string("gpt-4o"));
        QVERIFY(!rig::holdsText(trace, kKeyHash));
        QVERIFY(!rig::holdsText(trace, "10.0.0.7"));

        QCOMPARE(call.parentSpanId, root.spanId);
        QCOMPARE(call.spanId, import::spanIdFor("5f1c2d3e-0001-4a5b-8c9d-000000000001",
                                                "9d8c7b6a-0001-4f3e-9d2c-000000000001"));
        QCOMPARE(call.kind, SpanKind::Client);
        QCOMPARE(call.start, root.start);
        QCOMPARE(call.end, root.end);
        QCOMPARE(call.attrString(attr::kSourceId), std::string("5f1c2d3e-0001-4a5b-8c9d-000000000001"));
        QCOMPARE(call.attrString(attr::kProviderName), std::string("openai"));
        QCOMPARE(call.attrString(attr::kResponseModel), std::string("gpt-4o-2024-08-06"));
        QCOMPARE(call.attrString(attr::kResponseId), std::string("chatcmpl-B1"));
        QCOMPARE(call.attrString(attr::kServerAddress), std::string("api.openai.com"));
        QVERIFY(!call.attr(attr::kServerPort));
        QVERIFY(near(call.attrDouble(attr::kRequestTemperature), 0.3));
        QCOMPARE(call.attrInt(attr::kRequestMaxTokens), std::optional<std::int64_t>(512));
        QCOMPARE(call.attrInt(attr::kInputTokens), std::optional<std::int64_t>(1200));
        QCOMPARE(call.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(85));
        QCOMPARE(call.attrInt(attr::kCacheReadTokens), std::optional<std::int64_t>(1024));
        QVERIFY(near(call.attrDouble(attr::kCostReportedUsd), 0.00385));
        QVERIFY(!call.attr(attr::kCostUsd)); // the importer prices it from the catalog
        QVERIFY(near(call.attrDouble(attr::kTimeToFirstChunk), 1.333)); // not streamed: the whole answer
        QVERIFY(!call.attrBool(attr::kRequestStream));
        QCOMPARE(trace.input.size(), std::size_t{2});
        QCOMPARE(trace.input[1].content, std::string("My invoice is wrong."));
        QCOMPARE(trace.output.size(), std::size_t{1});
        QCOMPARE(trace.output[0].content, std::string("Sorry about that, let me check."));
    }

    void aStreamedCallKeepsItsFirstTokenTime()
    {
        rig::Fed fed;
        const auto traces = imported(payloads_, fed);
        const Trace& trace = traces.at(payloadTrace(2));
        const Span& root = only(rig::withStage(trace, "request"));
        const Span& call = only(rig::withStage(trace, "llm.call"));
        QCOMPARE(root.name, std::string("chat claude-sonnet")); // the model group the client asked for
        QCOMPARE(call.name, std::string("chat claude-3-5-sonnet-20241022"));
        QCOMPARE(call.start, Nanos{1741944500000000000});
        QCOMPARE(call.end, Nanos{1741944502500000000});
        QVERIFY(call.attrBool(attr::kRequestStream));
        QVERIFY(near(call.attrDouble(attr::kTimeToFirstChunk), 0.35));
        QCOMPARE(call.attrString(attr::kProviderName), std::string("anthropic"));
        QCOMPARE(call.attrString(attr::kServerAddress), std::string("api.anthropic.com"));
        QCOMPARE(call.attrInt(attr::kServerPort), std::optional<std::int64_t>(443));
        QCOMPARE(call.attrInt(attr::kInputTokens), std::optional<std::int64_t>(2200));
        QCOMPARE(call.attrInt(attr::kCacheReadTokens), std::optional<std::int64_t>(1000));
        QCOMPARE(call.attrInt(attr::kCacheWriteTokens), std::optional<std::int64_t>(200));
        Trace summarized = trace;
        summarize(summarized);
        QVERIFY(summarized.summary.facts.streamed);
        QVERIFY(summarized.summary.ttftMs && std::abs(*summarized.summary.ttftMs - 350.0) < 1e-6);
    }

    void callsSharingATraceIdBecomeOneTrace()
    {
        rig::Fed fed;
        const auto traces = imported(payloads_, fed);
        const Trace& trace = traces.at(payloadTrace(3));
        const Span& root = only(rig::withStage(trace, "request"));
        const auto calls = rig::withStage(trace, "llm.call");
        QCOMPARE(calls.size(), std::size_t{2});
        const Span& failed = *calls[0];
        const Span& fallback = *calls[1];
        QCOMPARE(failed.parentSpanId, root.spanId);
        QCOMPARE(fallback.parentSpanId, root.spanId);
        QCOMPARE(failed.status, SpanStatus::Error);
        QCOMPARE(failed.statusMessage,
                 std::string("litellm.RateLimitError: AzureException - Rate limit reached"));
        QCOMPARE(failed.attrString(attr::kErrorType), std::string("RateLimitError"));
        QCOMPARE(failed.attrString(attr::kErrorCategory), std::string("rate_limited"));
        QCOMPARE(failed.attrInt(attr::kHttpStatus), std::optional<std::int64_t>(429));
        QCOMPARE(failed.attrString(attr::kProviderName), std::string("azure"));
        QVERIFY(!failed.attr(attr::kInputTokens)); // it used nothing
        QCOMPARE(fallback.status, SpanStatus::Ok);
        // The root spans both calls and ends as the fallback did: the request succeeded.
        QCOMPARE(root.start, Nanos{1741944600000000000});
        QCOMPARE(root.end, Nanos{1741944601100000000});
        QCOMPARE(root.status, SpanStatus::Ok);
        QVERIFY(root.statusMessage.empty());
        QCOMPARE(trace.input.size(), std::size_t{1});
        QCOMPARE(trace.output.size(), std::size_t{1});
        QCOMPARE(trace.output[0].content, std::string("Bonjour"));
    }

    void aCacheHitIsALookupNotACall()
    {
        rig::Fed fed;
        const auto traces = imported(payloads_, fed);
        Trace trace = traces.at(payloadTrace(4));
        QVERIFY(rig::withStage(trace, "llm.call").empty());
        const Span& lookup = only(rig::withStage(trace, "cache.lookup"));
        QVERIFY(lookup.attrBool(attr::kCacheHit));
        QCOMPARE(lookup.attrString(attr::kCacheLayer), std::string("exact"));
        QCOMPARE(lookup.attrString(attr::kCacheKey), std::string("0a3f6b8e1d"));
        QVERIFY(near(lookup.attrDouble(attr::kCacheSavedUsd), 0.00385));
        QCOMPARE(lookup.start, Nanos{1741944700000000000});
        QCOMPARE(lookup.end, Nanos{1741944700004000000});
        QCOMPARE(trace.output.size(), std::size_t{1});
        summarize(trace);
        QVERIFY(trace.summary.facts.cacheHit);
        QVERIFY(std::abs(trace.summary.facts.cacheSavedUsd - 0.00385) < 1e-12);
        QCOMPARE(trace.summary.inputTokens, std::int64_t{0}); // nothing was billed
    }

    void aFailureKeepsItsErrorAndNoUsage()
    {
        rig::Fed fed;
        const auto traces = imported(payloads_, fed);
        Trace trace = traces.at(payloadTrace(6));
        const Span& root = only(rig::withStage(trace, "request"));
        const Span& call = only(rig::withStage(trace, "llm.call"));
        QCOMPARE(root.status, SpanStatus::Error);
        QCOMPARE(root.statusMessage, std::string("This model's maximum context length is 128000 tokens."));
        QCOMPARE(call.attrString(attr::kErrorCategory), std::string("context_too_long"));
        QCOMPARE(call.attrInt(attr::kHttpStatus), std::optional<std::int64_t>(400));
        QVERIFY(!call.attr(attr::kInputTokens));
        QCOMPARE(trace.input.size(), std::size_t{1});
        QVERIFY(trace.output.empty());
        summarize(trace);
        QCOMPARE(trace.summary.status, std::string("error"));
        QCOMPARE(trace.summary.error, std::string("This model's maximum context length is 128000 tokens."));
    }

    void anEmbeddingHasUsageButNoConversation()
    {
        rig::Fed fed;
        const auto traces = imported(payloads_, fed);
        const Trace& trace = traces.at(payloadTrace(7));
        const Span& call = only(rig::withStage(trace, "llm.call"));
        QCOMPARE(call.name, std::string("embeddings text-embedding-3-small"));
        QCOMPARE(call.attrString(attr::kOperationName), std::string("embeddings"));
        QCOMPARE(call.attrInt(attr::kInputTokens), std::optional<std::int64_t>(4));
        QVERIFY(trace.input.empty());
        QVERIFY(trace.output.empty());
    }

    void spendLogRowsAreReadToo()
    {
        rig::Fed fed;
        LiteLlmMapper mapper;
        rig::feed(mapper, rows_, fed);
        QCOMPARE(fed.pieces.size(), std::size_t{2}); // a row is a whole trace: it goes out at once
        rig::finish(mapper, fed);
        QCOMPARE(fed.problems, std::vector<std::string>{});
        const auto traces = rig::byTrace(fed.pieces);

        Trace trace = traces.at(import::traceIdFor("chatcmpl-S1"));
        const Span& root = only(rig::withStage(trace, "request"));
        const Span& call = only(rig::withStage(trace, "llm.call"));
        QCOMPARE(root.start, Nanos{1741944413123000000});
        QCOMPARE(root.end, Nanos{1741944414010000000});
        QVERIFY(near(call.attrDouble(attr::kTimeToFirstChunk), 0.477));
        QCOMPARE(root.attrString(attr::kUser), std::string("u-1"));
        QCOMPARE(root.attrString(attr::kSession), std::string("sess-9"));
        QCOMPARE(root.attrString(attr::kTags), std::string("nightly,etl"));
        QCOMPARE(root.attrString(attr::kApiKeyName), std::string("batch-key"));
        QVERIFY(near(call.attrDouble(attr::kCostReportedUsd), 0.0123));
        QCOMPARE(call.attrInt(attr::kInputTokens), std::optional<std::int64_t>(1500));
        QCOMPARE(call.attrInt(attr::kCacheReadTokens), std::optional<std::int64_t>(128));
        QVERIFY(
            rig::withStage(trace, "cache.lookup").empty()); // cache_hit "False" with no key: no cache asked
        QVERIFY(!rig::holdsText(trace, kKeyHash));
        QCOMPARE(trace.output.at(0).content, std::string("billing"));
        summarize(trace);
        QCOMPARE(trace.summary.session, std::string("sess-9"));
        QCOMPARE(trace.summary.model, std::string("gpt-4o"));
        QCOMPARE(trace.summary.cacheReadTokens, std::int64_t{128});

        const Trace& failed = traces.at(import::traceIdFor("chatcmpl-S2"));
        const Span& refused = only(rig::withStage(failed, "llm.call"));
        QCOMPARE(refused.status, SpanStatus::Error);
        QCOMPARE(refused.statusMessage, std::string("Incorrect API key provided"));
        QCOMPARE(refused.attrString(attr::kErrorCategory), std::string("auth"));
        QCOMPARE(refused.start, Nanos{1741944600500000000});
        QCOMPARE(refused.end, Nanos{1741944600750000000});
        QCOMPARE(only(rig::withStage(failed, "request")).attrString(attr::kUser), std::string("customer-3"));
        QVERIFY(failed.input.empty() && failed.output.empty()); // "{}": the proxy kept no messages
    }

    void tracesOverTheMemoryBudgetGoOutEarly()
    {
        rig::Fed fed;
        const auto traces = imported(payloads_, fed, 1);
        QCOMPARE(fed.pieces.size(), std::size_t{7});
        QCOMPARE(fed.notes.size(), std::size_t{1});
        QVERIFY(fed.notes[0].starts_with("7 LiteLLM traces written before the end of the input"));
        QCOMPARE(rig::withStage(traces.at(payloadTrace(3)), "llm.call").size(), std::size_t{2});
    }

    void refusesMalformedRecordsWithTheirReason()
    {
        rig::Fed fed;
        const auto traces = imported(rig::linesOf(QStringLiteral("litellm/malformed.jsonl")), fed);
        QVERIFY(traces.empty());
        QCOMPARE(fed.problems.size(), std::size_t{7});
        QVERIFY(fed.problems[0].starts_with("line 1: not JSON: "));
        const std::vector<std::string> rest(fed.problems.begin() + 1, fed.problems.end());
        QCOMPARE(rest,
                 (std::vector<std::string>{
                     "line 2: no id or request_id",
                     "line 3: no startTime",
                     "line 4: endTime is before startTime",
                     "line 5: messages: messages[0]: role 'wizard' is not one of system, developer, user, "
                     "assistant, tool",
                     "line 6: no startTime",
                     "line 7: response: not a reply (number)",
                 }));
    }
};

QTEST_GUILESS_MAIN(TestImportLiteLlm)
#include "test_import_litellm.moc"
