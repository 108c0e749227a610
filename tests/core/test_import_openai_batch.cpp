// The OpenAI Batch mapper: input and output lines joined by custom_id in either order, what each
// kind of result becomes, what is left unmatched, and the reasons bad lines are refused for.
#include "import_batch_rig.h"
#include "model/attributes.h"
#include "qtest_std_string.h"
#include "trace/import/openai_batch_mapper.h"
#include "trace/import/stable_ids.h"

#include <QtTest/QTest>

using namespace ts;
using ts::import::OpenAiBatchMapper;

namespace {

constexpr std::string_view kNoPrompt = "imported without the prompt";

std::map<std::string, Trace> imported(const std::vector<std::vector<std::string>>& files, rig::Fed& fed,
                                      std::size_t heldBytes = OpenAiBatchMapper::kDefaultHeldBytes)
{
    OpenAiBatchMapper mapper(heldBytes);
    for (const auto& lines : files)
        rig::feed(mapper, lines, fed);
    rig::finish(mapper, fed);
    return rig::byTrace(fed.pieces);
}

const Span& callOf(const std::map<std::string, Trace>& traces, const std::string& customId)
{
    static const Span none;
    const auto it = traces.find(import::traceIdFor(customId));
    return it == traces.end() || it->second.spans.size() != 1 ? none : it->second.spans.front();
}

const Trace& traceOf(const std::map<std::string, Trace>& traces, const std::string& customId)
{
    static const Trace none;
    const auto it = traces.find(import::traceIdFor(customId));
    return it == traces.end() ? none : it->second;
}

bool mentions(const std::vector<std::string>& notes, std::string_view text)
{
    for (const std::string& n : notes)
        if (n.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestImportOpenAiBatch : public QObject
{
    Q_OBJECT

    std::vector<std::string> input_ = rig::linesOf(QStringLiteral("openai_batch/input.jsonl"));
    std::vector<std::string> output_ = rig::linesOf(QStringLiteral("openai_batch/output.jsonl"));

  private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(input_.size(), std::size_t{6});
        QCOMPARE(output_.size(), std::size_t{6});
    }

    void detectsItsOwnLinesOnly()
    {
        const auto& format = import::openaiBatchFormat();
        QCOMPARE(format.name, std::string_view("openai-batch"));
        QVERIFY(format.detect(input_.front()));
        QVERIFY(format.detect(output_.front()));
        for (const auto& [name, record] : rig::foreignFirstRecords())
            QVERIFY2(!format.detect(record), name.c_str());
        for (const QString& file :
             {QStringLiteral("litellm/payloads.jsonl"), QStringLiteral("litellm/spend_logs.jsonl")})
            QVERIFY(!format.detect(rig::linesOf(file).front()));
        QVERIFY(!format.detect("{\"custom_id\": \"a\", \"body\": {}}")); // no url: not OpenAI's input line
        QVERIFY(!format.detect("not json"));
        QVERIFY(format.make() != nullptr);
    }

    void joinsAChatRequestWithItsCompletion()
    {
        rig::Fed fed;
        const auto traces = imported({input_, output_}, fed);
        QCOMPARE(fed.problems, std::vector<std::string>{});
        const Trace& trace = traceOf(traces, "request-1");
        const Span& s = callOf(traces, "request-1");
        QCOMPARE(trace.spans.size(), std::size_t{1});
        QCOMPARE(s.traceId, import::traceIdFor("request-1"));
        QCOMPARE(s.spanId, import::spanIdFor("request-1"));
        QVERIFY(s.parentSpanId.empty());
        QCOMPARE(s.name, std::string("chat gpt-4o-mini"));
        QCOMPARE(s.kind, SpanKind::Client);
        QCOMPARE(s.start, Nanos{1724858089} * kNsPerSec); // the body's `created`: no per-request timing
        QCOMPARE(s.end, s.start);
        QCOMPARE(s.status, SpanStatus::Ok);
        QCOMPARE(s.attrString(attr::kStage), std::string("llm.call"));
        QCOMPARE(s.attrString(attr::kOperationName), std::string("chat"));
        QCOMPARE(s.attrString(attr::kProviderName), std::string("openai"));
        QVERIFY(s.attrBool(attr::kBatch));
        QCOMPARE(s.attrString(attr::kSourceId), std::string("request-1"));
        QCOMPARE(s.attrString(attr::kRequestModel),
                 std::string("gpt-4o-mini")); // the request's, not the reply's
        QCOMPARE(s.attrString(attr::kResponseModel), std::string("gpt-4o-mini-2024-07-18"));
        QCOMPARE(s.attrString(attr::kResponseId), std::string("chatcmpl-A1Efhv97EZNQeHKSLPnTmZex20gf2"));
        QCOMPARE(s.attrDouble(attr::kRequestTemperature), std::optional<double>(0.2));
        QCOMPARE(s.attrInt(attr::kRequestMaxTokens), std::optional<std::int64_t>(100));
        QCOMPARE(s.attrString(attr::kUser), std::string("alice"));
        QCOMPARE(s.attrInt(attr::kInputTokens), std::optional<std::int64_t>(24));
        QCOMPARE(s.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(8));
        QCOMPARE(s.attrInt(attr::kCacheReadTokens), std::optional<std::int64_t>(16));
        QCOMPARE(s.attrInt(attr::kReasoningTokens), std::optional<std::int64_t>(0));
        QVERIFY(s.attrBool(attr::kUsageReported));
        QCOMPARE(s.attrInt(attr::kHttpStatus), std::optional<std::int64_t>(200));
        QVERIFY(!s.attr(attr::kCostUsd)); // the importer prices it, at the batch discount
        const auto* finish = std::get_if<std::vector<std::string>>(s.attr(attr::kFinishReasons));
        QVERIFY(finish && *finish == std::vector<std::string>{"stop"});
        QCOMPARE(trace.input.size(), std::size_t{2});
        QCOMPARE(trace.input[0].role, Role::System);
        QCOMPARE(trace.input[1].content, std::string("What is 2+2?"));
        QCOMPARE(trace.output.size(), std::size_t{1});
        QCOMPARE(trace.output[0].role, Role::Assistant);
        QCOMPARE(trace.output[0].content, std::string("2 + 2 equals 4."));
    }

    void readsEachKindOfResult()
    {
        rig::Fed fed;
        const auto traces = imported({input_, output_}, fed);
        QCOMPARE(traces.size(), std::size_t{7});

        const Span& refused = callOf(traces, "request-2"); // HTTP 400 in the error file's shape
        QCOMPARE(refused.status, SpanStatus::Error);
        QVERIFY(refused.statusMessage.starts_with("This model's maximum context length is 128000 tokens."));
        QCOMPARE(refused.attrString(attr::kErrorType), std::string("invalid_request_error"));
        QCOMPARE(refused.attrString(attr::kErrorCategory), std::string("context_too_long"));
        QCOMPARE(refused.attrInt(attr::kHttpStatus), std::optional<std::int64_t>(400));
        QCOMPARE(refused.start, Nanos{0});
        QVERIFY(!refused.attr(attr::kInputTokens));
        QCOMPARE(traceOf(traces, "request-2").input.size(), std::size_t{1});
        QVERIFY(traceOf(traces, "request-2").output.empty());

        const Span& responses = callOf(traces, "request-3"); // the Responses API
        QCOMPARE(responses.name, std::string("chat o4-mini"));
        QCOMPARE(responses.start, Nanos{1741476542} * kNsPerSec);
        QCOMPARE(responses.attrString(attr::kResponseModel), std::string("o4-mini-2025-04-16"));
        QCOMPARE(responses.attrInt(attr::kRequestMaxTokens), std::optional<std::int64_t>(200));
        QCOMPARE(responses.attrInt(attr::kInputTokens), std::optional<std::int64_t>(36));
        QCOMPARE(responses.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(87));
        QCOMPARE(responses.attrInt(attr::kReasoningTokens), std::optional<std::int64_t>(64));
        const Trace& answered = traceOf(traces, "request-3");
        QCOMPARE(answered.input.size(), std::size_t{2});
        QCOMPARE(answered.input[0].role, Role::System);
        QCOMPARE(answered.input[0].content, std::string("Answer in one word."));
        QCOMPARE(answered.input[1].content, std::string("Capital of France?"));
        QCOMPARE(answered.output.size(), std::size_t{1});
        QCOMPARE(answered.output[0].content, std::string("Paris."));

        const Span& embedding = callOf(traces, "request-4");
        QCOMPARE(embedding.name, std::string("embeddings text-embedding-3-small"));
        QCOMPARE(embedding.attrString(attr::kOperationName), std::string("embeddings"));
        QCOMPARE(embedding.attrInt(attr::kInputTokens), std::optional<std::int64_t>(2));
        QCOMPARE(embedding.attrInt(attr::kOutputTokens), std::optional<std::int64_t>(0));
        QCOMPARE(embedding.status, SpanStatus::Ok);
        QVERIFY(traceOf(traces, "request-4").input.empty());

        const Span& expired = callOf(traces, "request-5");
        QCOMPARE(expired.status, SpanStatus::Error);
        QCOMPARE(expired.statusMessage,
                 std::string("This request could not be executed before the completion window expired."));
        QCOMPARE(expired.attrString(attr::kErrorType), std::string("batch_expired"));
        QCOMPARE(expired.attrString(attr::kErrorCategory), std::string("timeout"));
        QCOMPARE(expired.name, std::string("chat gpt-4o-mini"));
    }

    void leavesTheUnmatchedAloneAndSaysSo()
    {
        rig::Fed fed;
        const auto traces = imported({input_, output_}, fed);
        const Span& pending = callOf(traces, "request-6"); // in the input file only
        QCOMPARE(pending.status, SpanStatus::Unset);
        QCOMPARE(pending.start, Nanos{0});
        QVERIFY(!pending.attr(attr::kInputTokens));
        QCOMPARE(traceOf(traces, "request-6").input.size(), std::size_t{1});
        QVERIFY(traceOf(traces, "request-6").output.empty());

        const Span& orphan = callOf(traces, "request-7"); // in the output file only
        QCOMPARE(orphan.name, std::string("chat gpt-4o-mini-2024-07-18"));
        QCOMPARE(orphan.attrString(attr::kRequestModel), std::string("gpt-4o-mini-2024-07-18"));
        QCOMPARE(orphan.start, Nanos{1724858100} * kNsPerSec);
        QVERIFY(traceOf(traces, "request-7").input.empty());
        const Trace& called = traceOf(traces, "request-7");
        QCOMPARE(called.output.size(), std::size_t{1});
        QCOMPARE(called.output[0].toolCalls.size(), std::size_t{1});
        QCOMPARE(called.output[0].toolCalls[0].name, std::string("lookup"));

        QCOMPARE(fed.notes,
                 (std::vector<std::string>{
                     "1 batch request without a response (custom_id request-6): imported without time or "
                     "result, until the output file is imported",
                     "1 batch result without a request line (custom_id request-7): imported without the "
                     "prompt",
                     "no time in 3 batch results (errors and embeddings carry no `created`): stored at "
                     "time 0"}));
    }

    void joinsTheSameWhicheverFileComesFirst()
    {
        rig::Fed inputFirst;
        rig::Fed outputFirst;
        const auto a = imported({input_, output_}, inputFirst);
        const auto b = imported({output_, input_}, outputFirst);
        QCOMPARE(outputFirst.problems, std::vector<std::string>{});
        QCOMPARE(a.size(), b.size());
        for (const auto& [id, trace] : a) {
            QVERIFY(b.count(id));
            QVERIFY(trace.spans == b.at(id).spans);
            QVERIFY(trace.input == b.at(id).input);
            QVERIFY(trace.output == b.at(id).output);
        }
        QCOMPARE(outputFirst.notes, inputFirst.notes);
        // A pair goes out as soon as both halves are read: only request-6 and request-7 wait for the end.
        QCOMPARE(inputFirst.pieces.size(), std::size_t{7});
    }

    void importsAnOutputFileWithoutItsInput()
    {
        rig::Fed fed;
        const auto traces = imported({output_}, fed);
        QCOMPARE(traces.size(), std::size_t{6});
        for (const auto& [id, trace] : traces)
            QVERIFY(trace.input.empty());
        QCOMPARE(callOf(traces, "request-1").attrInt(attr::kInputTokens), std::optional<std::int64_t>(24));
        QCOMPARE(callOf(traces, "request-1").attrString(attr::kRequestModel),
                 std::string("gpt-4o-mini-2024-07-18"));
        QCOMPARE(fed.notes.size(), std::size_t{2});
        QCOMPARE(fed.notes[0],
                 std::string("6 batch results without a request line (custom_id request-3, request-1, "
                             "request-7, ...): imported without the prompt"));
    }

    void importsAnInputFileAsRequestsNotYetAnswered()
    {
        rig::Fed fed;
        const auto traces = imported({input_}, fed);
        QCOMPARE(traces.size(), std::size_t{6});
        for (const auto& [id, trace] : traces) {
            QCOMPARE(trace.spans.front().status, SpanStatus::Unset);
            QVERIFY(trace.output.empty());
        }
        QCOMPARE(fed.notes.size(), std::size_t{1});
        QVERIFY(
            fed.notes[0].starts_with("6 batch requests without a response (custom_id request-1, request-2, "
                                     "request-3, ...)"));
    }

    void linesOverTheMemoryBudgetGoOutEarlyAndMergeLater()
    {
        rig::Fed early;
        rig::Fed held;
        const auto spilled = imported({output_, input_}, early, 1);
        const auto joined = imported({output_, input_}, held);
        QCOMPARE(early.pieces.size(), std::size_t{12}); // every line alone
        QVERIFY(mentions(early.notes, "12 batch lines written before their partner was read"));
        QVERIFY(!mentions(early.notes, kNoPrompt));
        QCOMPARE(spilled.size(), joined.size());
        for (const auto& [id, trace] : joined) {
            const Trace& merged = spilled.at(id);
            QVERIFY(merged.input == trace.input);
            QVERIFY(merged.output == trace.output);
            QCOMPARE(merged.spans.front().start, trace.spans.front().start);
            QCOMPARE(merged.spans.front().status, trace.spans.front().status);
            QCOMPARE(merged.spans.front().attrInt(attr::kInputTokens),
                     trace.spans.front().attrInt(attr::kInputTokens));
        }
    }

    void refusesMalformedLinesWithTheirReason()
    {
        rig::Fed fed;
        const auto traces = imported({rig::linesOf(QStringLiteral("openai_batch/malformed.jsonl"))}, fed);
        QCOMPARE(fed.problems.size(), std::size_t{9});
        QVERIFY(fed.problems[0].starts_with("line 1: not JSON: "));
        const std::vector<std::string> rest(fed.problems.begin() + 1, fed.problems.end());
        QCOMPARE(
            rest,
            (std::vector<std::string>{
                "line 2: not a JSON object but an array",
                "line 3: neither a batch request (custom_id, url, body) nor a batch result (custom_id, "
                "response, error)",
                "line 4: body is not an object",
                "line 5: body.messages[1]: role 'wizard' is not one of system, developer, user, assistant, "
                "tool",
                "line 6: response is not an object",
                "line 7: no custom_id",
                "line 8: body has no messages",
                "line 10: custom_id 'x-6' repeats an earlier request's (a custom_id names one request of "
                "a batch)",
            }));
        // What was read stays: the first x-6 request.
        QCOMPARE(traces.size(), std::size_t{1});
        QCOMPARE(traceOf(traces, "x-6").input.at(0).content, std::string("first"));
    }
};

QTEST_GUILESS_MAIN(TestImportOpenAiBatch)
#include "test_import_openai_batch.moc"
