// The OpenAI Responses API provider over real HTTP on loopback: what it sends, the event streams it
// reads, and every fault the mock server can stage.
#include "mock_openai_responses.h"
#include "mock_openai_server.h"
#include "providers/error_category.h"
#include "providers/openai_responses.h"
#include "qtest_std_string.h"
#include "refused_port.h"

#include <QtTest/QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

using namespace std::chrono_literals;
using nlohmann::json;
using ts::ErrorCategory;
using ts::ProviderError;
using ts::test::MockOpenAIServer;
namespace mock = ts::test::responses_mock;

Q_DECLARE_METATYPE(ErrorCategory)

namespace {

const std::string kKey = "sk-test-responses-0123456789";
const std::string kText(ts::test::mock::kText);
const std::string kDated(ts::test::mock::kModelSuffix);

ts::OpenAIResponsesConfig configFor(const MockOpenAIServer& server)
{
    ts::OpenAIResponsesConfig config;
    config.baseUrl = server.baseUrl();
    config.apiKey = kKey;
    config.models = {"gpt-4o"};
    return config;
}

ts::ChatRequest chat(const std::string& model, bool stream = true)
{
    ts::ChatRequest request;
    request.provider = "openai-responses";
    request.model = model;
    request.stream = stream;
    request.messages = {{ts::Role::System, "Be brief."}, {ts::Role::User, "Say hello."}};
    return request;
}

struct Run
{
    ts::CallResult result;
    std::string streamed; // what onText heard
    std::vector<ts::Nanos> textTimes;
};

// keepGoing(deltas so far) is onText's answer.
Run run(const ts::OpenAIResponsesConfig& config, const ts::ChatRequest& request,
        const ts::CancelToken* cancel = nullptr, const std::function<bool(int)>& keepGoing = {})
{
    Run out;
    ts::OpenAIResponsesProvider provider(config);
    ts::CallContext ctx;
    ctx.cancel = cancel;
    ctx.onText = [&](std::string_view delta, ts::Nanos at) {
        out.streamed += delta;
        out.textTimes.push_back(at);
        return !keepGoing || keepGoing(static_cast<int>(out.textTimes.size()));
    };
    out.result = provider.call(request, ctx);
    return out;
}

void verifyMockUsage(const ts::Usage& usage)
{
    QVERIFY(usage.reported);
    QCOMPARE(usage.inputTokens, mock::kInputTokens);
    QCOMPARE(usage.cacheReadTokens, mock::kCachedTokens);
    QCOMPARE(usage.cacheWriteTokens, mock::kCacheWriteTokens);
    QCOMPARE(usage.outputTokens, mock::kOutputTokens);
    QCOMPARE(usage.reasoningTokens, mock::kReasoningTokens);
}

std::string textOf(std::size_t pieces)
{
    const auto& all = ts::test::mock::kTextPieces;
    return mock::joined({all.begin(), all.begin() + static_cast<long>(pieces)});
}

std::string dripText(int pieces)
{
    std::string text;
    for (int i = 0; i < pieces; ++i)
        text += "w" + std::to_string(i) + " ";
    return text;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::chrono::milliseconds since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t);
}

json weatherSchema() { return {{"type", "object"}, {"properties", {{"city", {{"type", "string"}}}}}}; }

} // namespace

class TestOpenAIResponses : public QObject
{
    Q_OBJECT

private slots:
    void textStream()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("gpt-4o"));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(res.response.finishReason, std::string("stop"));
        QCOMPARE(res.response.id, std::string(mock::kResponseId));
        QCOMPARE(res.response.model, "gpt-4o" + kDated);
        QVERIFY(res.response.toolCalls.empty());
        verifyMockUsage(res.response.usage);
        QCOMPARE(res.chunkCount, static_cast<int>(ts::test::mock::kTextPieces.size()));
        QCOMPARE(res.exchange.httpStatus, 200);
        QCOMPARE(ts::net::headerValue(res.exchange.responseHeaders, "x-request-id"),
                 std::string("req_mockresponses0123"));
        // created, in_progress, item and part added, the deltas, text / part / item done, completed.
        QCOMPARE(res.exchange.chunks.size(), ts::test::mock::kTextPieces.size() + 8);
        QVERIFY(res.exchange.chunks.front().data.starts_with(
            "{\"type\":\"response.created\",\"sequence_number\":0,"));
        QVERIFY(res.exchange.chunks.back().data.starts_with("{\"type\":\"response.completed\""));
        QVERIFY(res.exchange.responseBody.empty());
        QCOMPARE(res.firstChunkAt.value_or(0), r.textTimes.front());
        QVERIFY(res.startedAt <= *res.firstChunkAt && *res.firstChunkAt <= res.finishedAt);
        QVERIFY(res.attributes.empty());
    }

    void requestOnTheWire()
    {
        MockOpenAIServer server;
        ts::ChatRequest request = chat("gpt-4o");
        request.messages.push_back({ts::Role::System, "Answer in French."});
        request.temperature = 0.25;
        request.topP = 0.5;
        request.maxTokens = 256;
        request.seed = 42; // the Responses API has none
        request.tools = {{"get_weather", "Weather for a city", weatherSchema().dump()}, {"get_time", "", ""}};
        const std::string arguments = json{{"city", "Paris"}}.dump();
        request.messages.push_back({ts::Role::Assistant, "Let me look.", {{"call_1", "get_weather", arguments}}, {}, {}});
        request.messages.push_back({ts::Role::Tool, json{{"temp_c", 21}}.dump(), {}, "call_1", {}});
        request.messages.push_back({ts::Role::User, "Thanks."});
        const Run r = run(configFor(server), request);
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());

        const ts::test::RecordedRequest sent = server.lastRequest();
        QCOMPARE(sent.method, std::string("POST"));
        QCOMPARE(sent.path, std::string("/v1/responses"));
        QCOMPARE(sent.header("authorization"), "Bearer " + kKey);
        QCOMPARE(sent.header("content-type"), std::string("application/json"));
        QCOMPARE(sent.header("accept"), std::string("text/event-stream"));
        const json emptyObject{{"type", "object"}, {"properties", json::object()}};
        const json expected{
            {"model", "gpt-4o"},
            {"instructions", "Be brief.\n\nAnswer in French."},
            {"input",
             {{{"role", "user"}, {"content", "Say hello."}},
              {{"role", "assistant"}, {"content", "Let me look."}},
              {{"type", "function_call"}, {"call_id", "call_1"}, {"name", "get_weather"}, {"arguments", arguments}},
              {{"type", "function_call_output"}, {"call_id", "call_1"}, {"output", json{{"temp_c", 21}}.dump()}},
              {{"role", "user"}, {"content", "Thanks."}}}},
            {"tools",
             {{{"type", "function"}, {"name", "get_weather"}, {"description", "Weather for a city"},
               {"parameters", weatherSchema()}, {"strict", false}},
              {{"type", "function"}, {"name", "get_time"}, {"parameters", emptyObject}, {"strict", false}}}},
            {"max_output_tokens", 256},
            {"temperature", 0.25},
            {"top_p", 0.5},
            {"stream", true}};
        QCOMPARE(sent.json().dump(2), expected.dump(2));
    }

    void imagesOnTheWire()
    {
        MockOpenAIServer server;
        ts::ChatRequest request = chat("gpt-4o");
        request.messages[1].content = "What is in these?";
        request.messages[1].images = {{"image/png", "iVBORw0KGgo=", ""}, {"", "", "https://example.com/cat.jpg"}};
        QVERIFY(run(configFor(server), request).result.ok());
        const json parts{{{"type", "input_text"}, {"text", "What is in these?"}},
                         {{"type", "input_image"}, {"image_url", "data:image/png;base64,iVBORw0KGgo="}, {"detail", "auto"}},
                         {{"type", "input_image"}, {"image_url", "https://example.com/cat.jpg"}, {"detail", "auto"}}};
        QCOMPARE(server.lastRequest().json()["input"][0]["content"].dump(), parts.dump());
    }

    void structuredOutput_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("format");
        const json schema{{"type", "object"}, {"properties", {{"n", {{"type", "integer"}}}}}};
        QTest::newRow("json schema")
            << int(ts::ResponseFormat::Type::JsonSchema)
            << QString::fromStdString(
                   json{{"type", "json_schema"}, {"name", "answer"}, {"schema", schema}, {"strict", true}}.dump());
        QTest::newRow("json object") << int(ts::ResponseFormat::Type::JsonObject)
                                     << QString::fromStdString(json{{"type", "json_object"}}.dump());
    }

    void structuredOutput()
    {
        QFETCH(int, type);
        QFETCH(QString, format);
        MockOpenAIServer server;
        ts::ChatRequest request = chat("gpt-4o");
        request.responseFormat = {static_cast<ts::ResponseFormat::Type>(type), "answer",
                                  json{{"type", "object"}, {"properties", {{"n", {{"type", "integer"}}}}}}.dump(),
                                  true};
        QVERIFY(run(configFor(server), request).result.ok());
        const json expected{{"format", json::parse(format.toStdString())}};
        QCOMPARE(server.lastRequest().json()["text"].dump(), expected.dump());
    }

    void reasoning_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed") << true;
        QTest::newRow("whole response") << false;
    }

    void reasoning()
    {
        QFETCH(bool, stream);
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-reasoning", stream));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.text, kText); // the reasoning summary is not the answer
        QCOMPARE(r.streamed, kText);
        QCOMPARE(res.firstChunkAt.value_or(0), r.textTimes.front());
        const auto chars = res.attributes.find("tokenscope.response.thinking_chars");
        QVERIFY(chars != res.attributes.end());
        const std::string summary = mock::joined(mock::kReasoningPieces);
        QCOMPARE(std::get<std::int64_t>(chars->second), static_cast<std::int64_t>(summary.size()));
        // Summary deltas are chunks of the stream too, though no answer.
        const auto chunks = mock::kReasoningPieces.size() + ts::test::mock::kTextPieces.size();
        QCOMPARE(res.chunkCount, stream ? static_cast<int>(chunks) : 1);
        QCOMPARE(res.response.usage.reasoningTokens, mock::kReasoningTokens);
    }

    void toolCalls_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed") << true;
        QTest::newRow("whole response") << false;
    }

    void toolCalls()
    {
        QFETCH(bool, stream);
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-tools", stream));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.finishReason, std::string("tool_calls"));
        QVERIFY(res.response.text.empty());
        QVERIFY(r.streamed.empty());
        QCOMPARE(res.response.toolCalls.size(), mock::kCalls.size());
        std::size_t fragments = 0;
        for (std::size_t i = 0; i < mock::kCalls.size(); ++i) {
            const ts::ToolCall& call = res.response.toolCalls[i];
            QCOMPARE(call.id, std::string(mock::kCalls[i].callId)); // call_id, not the item's fc_ id
            QCOMPARE(call.name, std::string(mock::kCalls[i].name));
            QCOMPARE(call.arguments, mock::joined(mock::kCalls[i].fragments));
            QVERIFY(!json::parse(call.arguments).is_discarded());
            fragments += mock::kCalls[i].fragments.size();
        }
        QCOMPARE(res.chunkCount, stream ? static_cast<int>(fragments) : 1);
        QVERIFY(res.firstChunkAt);
    }

    // The calls go back as function_call items and their results as function_call_output: the server
    // refuses an output whose call it has not seen.
    void toolRoundTrip()
    {
        MockOpenAIServer server;
        const ts::ChatResponse first = run(configFor(server), chat("mock-tools")).result.response;
        ts::ChatRequest request = chat("gpt-4o");
        request.messages.push_back(first.asMessage());
        for (const ts::ToolCall& call : first.toolCalls)
            request.messages.push_back({ts::Role::Tool, "{\"ok\":true}", {}, call.id, {}});
        const Run r = run(configFor(server), request);
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        const json input = server.lastRequest().json()["input"];
        QCOMPARE(input.size(), std::size_t{5});
        QCOMPARE(input[1]["type"].get<std::string>(), std::string("function_call"));
        QCOMPARE(input[1]["call_id"].get<std::string>(), std::string(mock::kCalls[0].callId));
        QCOMPARE(input[4]["type"].get<std::string>(), std::string("function_call_output"));

        request.messages.back().toolCallId = "call_unknown";
        const ProviderError error = run(configFor(server), request).result.error;
        QCOMPARE(error.httpStatus, 400);
        QCOMPARE(error.message, std::string("No tool call found for function call output with call_id call_unknown."));
        QCOMPARE(ts::categorize(error), ErrorCategory::BadRequest);
    }

    void refusal()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-refusal"));
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(r.result.response.text, mock::joined(mock::kRefusalPieces));
        QCOMPARE(r.streamed, mock::joined(mock::kRefusalPieces));
        QCOMPARE(r.result.response.finishReason, std::string("content_filter"));
    }

    void incomplete_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("finish");
        QTest::addColumn<bool>("stream");
        QTest::newRow("max_output_tokens") << QStringLiteral("mock-incomplete") << QStringLiteral("length") << true;
        QTest::newRow("content_filter") << QStringLiteral("mock-content-filter") << QStringLiteral("content_filter")
                                        << true;
        QTest::newRow("whole response") << QStringLiteral("mock-incomplete") << QStringLiteral("length") << false;
    }

    // An incomplete response is an answer cut short, not an error: what arrived is kept, with usage.
    void incomplete()
    {
        QFETCH(QString, model);
        QFETCH(QString, finish);
        QFETCH(bool, stream);
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat(model.toStdString(), stream));
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(r.result.response.text, textOf(mock::kIncompleteKeep));
        QCOMPARE(r.streamed, textOf(mock::kIncompleteKeep));
        QCOMPARE(r.result.response.finishReason, finish.toStdString());
        verifyMockUsage(r.result.response.usage);
    }

    void failed_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed") << true;
        QTest::newRow("whole response") << false;
    }

    void failed()
    {
        QFETCH(bool, stream);
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-failed", stream));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Stream);
        QCOMPARE(error.code, std::string("server_error"));
        QCOMPARE(error.type, std::string("server_error"));
        QCOMPARE(error.message, std::string("The model failed to generate a response."));
        QCOMPARE(ts::categorize(error), ErrorCategory::Server);
        QVERIFY(error.retryable());
        QCOMPARE(r.result.response.finishReason, std::string("error"));
        QCOMPARE(r.result.response.id, std::string(mock::kResponseId));
        if (stream) {
            QCOMPARE(r.result.response.text, textOf(2));
            QCOMPARE(r.streamed, textOf(2));
            QVERIFY(r.result.exchange.chunks.back().data.starts_with("{\"type\":\"response.failed\""));
        }
    }

    void errorEvents_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<ErrorCategory>("category");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("spec shape: code, message, param")
            << QStringLiteral("mock-error-event") << QStringLiteral("server_error") << QStringLiteral("server_error")
            << QStringLiteral("An error occurred while processing your request.") << ErrorCategory::Server << true;
        QTest::newRow("nested error object")
            << QStringLiteral("mock-error-nested") << QStringLiteral("invalid_request_error")
            << QStringLiteral("context_length_exceeded") << QStringLiteral("Your input exceeds the context window")
            << ErrorCategory::ContextTooLong << false;
    }

    void errorEvents()
    {
        QFETCH(QString, model);
        QFETCH(QString, type);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(ErrorCategory, category);
        QFETCH(bool, retryable);
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat(model.toStdString()));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Stream);
        QCOMPARE(error.type, type.toStdString());
        QCOMPARE(error.code, code.toStdString());
        QVERIFY2(error.message.starts_with(message.toStdString()), error.message.c_str());
        QCOMPARE(ts::categorize(error), category);
        QCOMPARE(error.retryable(), retryable);
        QCOMPARE(r.result.response.text, textOf(2));
        QCOMPARE(r.streamed, textOf(2));
        QCOMPARE(r.result.exchange.httpStatus, 200);
        QVERIFY(r.result.exchange.chunks.back().data.starts_with("{\"type\":\"error\""));
    }

    void unknownEventIgnored()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-unknown-event"));
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(r.result.response.text, kText);
        const auto& chunks = r.result.exchange.chunks;
        QVERIFY(std::any_of(chunks.begin(), chunks.end(), [](const ts::Exchange::Chunk& c) {
            return c.data.starts_with("{\"type\":\"response.hologram.delta\"");
        }));
    }

    // Text that comes only whole, in output_text.done, output_item.done and the completed Response,
    // is taken once.
    void textWithoutDeltas()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-no-deltas"));
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(r.result.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(r.result.chunkCount, 1);
        QCOMPARE(r.result.firstChunkAt.value_or(0), r.textTimes.front());
    }

    void malformedEvent()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-truncated-json"));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Stream);
        QVERIFY2(error.message.starts_with("malformed event: {\"type\":\"response.output_text.delta\""),
                 error.message.c_str());
        QCOMPARE(ts::categorize(error), ErrorCategory::MalformedStream);
        QVERIFY(!error.retryable());
        QCOMPARE(r.result.response.text, textOf(2)); // nothing after the bad event is read
    }

    void httpErrors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("maxTokens"); // 0: not set
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("retryAfterMs"); // -1: none
        QTest::addColumn<ErrorCategory>("category");
        QTest::addColumn<bool>("retryable");
        const QString key = QString::fromStdString(kKey);
        QTest::newRow("401 bad key") << QStringLiteral("gpt-4o") << QStringLiteral("sk-wrong") << 0 << 401
                                     << QStringLiteral("invalid_api_key") << qint64(-1) << ErrorCategory::Auth << false;
        QTest::newRow("429 rate limited") << QStringLiteral("mock-429") << key << 0 << 429
                                          << QStringLiteral("rate_limit_exceeded") << qint64(mock::kRetryAfterMs)
                                          << ErrorCategory::RateLimited << true;
        QTest::newRow("500") << QStringLiteral("mock-500") << key << 0 << 500 << QString() << qint64(-1)
                             << ErrorCategory::Server << true;
        QTest::newRow("400 context too long") << QStringLiteral("mock-too-long") << key << 0 << 400
                                              << QStringLiteral("context_length_exceeded") << qint64(-1)
                                              << ErrorCategory::ContextTooLong << false;
        QTest::newRow("400 max_output_tokens below 16") << QStringLiteral("gpt-4o") << key << 8 << 400 << QString()
                                                        << qint64(-1) << ErrorCategory::BadRequest << false;
    }

    void httpErrors()
    {
        QFETCH(QString, model);
        QFETCH(QString, key);
        QFETCH(int, maxTokens);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(qint64, retryAfterMs);
        QFETCH(ErrorCategory, category);
        QFETCH(bool, retryable);
        MockOpenAIServer server;
        server.setApiKey(kKey);
        ts::OpenAIResponsesConfig config = configFor(server);
        config.apiKey = key.toStdString();
        ts::ChatRequest request = chat(model.toStdString());
        if (maxTokens)
            request.maxTokens = maxTokens;
        const Run r = run(config, request);
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Http);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.code, code.toStdString());
        QVERIFY(!error.message.empty() && !error.message.starts_with("HTTP "));
        QCOMPARE(error.retryAfterMs.value_or(-1), static_cast<std::int64_t>(retryAfterMs));
        QCOMPARE(ts::categorize(error), category);
        QCOMPARE(error.retryable(), retryable);
        QCOMPARE(r.result.exchange.httpStatus, status);
        QVERIFY(contains(r.result.exchange.responseBody, "\"error\""));
        QVERIFY(r.result.exchange.chunks.empty());
        QVERIFY(r.streamed.empty());
        QVERIFY(!r.result.firstChunkAt);
    }

    void disconnectMidStream()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-disconnect"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Network);
        QVERIFY2(r.result.error.message.starts_with("stream ended before response.completed"),
                 r.result.error.message.c_str());
        QCOMPARE(ts::categorize(r.result.error), ErrorCategory::Network);
        QVERIFY(r.result.error.retryable());
        QCOMPARE(r.result.response.text, textOf(3));
        QCOMPARE(r.streamed, textOf(3));
        QCOMPARE(r.result.response.id, std::string(mock::kResponseId)); // from response.created
        QVERIFY(r.result.response.finishReason.empty());
        QVERIFY(!r.result.response.usage.reported);
    }

    void cleanCloseWithoutTerminalEvent()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-no-terminal"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Network);
        QCOMPARE(r.result.error.message, std::string("stream ended before response.completed"));
        QCOMPARE(r.result.response.text, kText);
    }

    void idleTimeout()
    {
        MockOpenAIServer server;
        ts::OpenAIResponsesConfig config = configFor(server);
        config.idleTimeout = 1000ms;
        const Run r = run(config, chat("mock-stall"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Timeout);
        QVERIFY2(r.result.error.message.starts_with("stream ended before response.completed: "),
                 r.result.error.message.c_str());
        QVERIFY(r.result.error.retryable());
        QCOMPARE(r.result.response.text, textOf(2));
    }

    // The stop button: another thread cancels while deltas drip in.
    void cancelMidStream()
    {
        MockOpenAIServer server;
        server.setDripDelay(50ms);
        ts::CancelToken token;
        std::atomic<int> deltas{0};
        std::chrono::steady_clock::time_point cancelledAt;
        std::thread canceller([&] {
            while (deltas < 3)
                std::this_thread::sleep_for(2ms);
            cancelledAt = std::chrono::steady_clock::now();
            token.cancel();
        });
        const Run r = run(configFor(server), chat("mock-drip"), &token, [&](int n) {
            deltas = n;
            return true;
        });
        canceller.join();
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Cancelled);
        QCOMPARE(r.result.error.message, std::string("cancelled"));
        QVERIFY2(since(cancelledAt) < 200ms, "the drip has seconds left; a cancel must not wait for it");
        QVERIFY(!r.result.error.retryable());
        QVERIFY(r.result.response.text.starts_with(dripText(3)));
        QVERIFY(r.result.response.text.size() < dripText(ts::test::mock::kDripPieces).size());
        QCOMPARE(r.streamed, r.result.response.text);
    }

    void onTextFalseStops()
    {
        MockOpenAIServer server;
        server.setDripDelay(5ms);
        const Run r = run(configFor(server), chat("mock-drip"), nullptr, [](int n) { return n < 2; });
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Cancelled);
        QCOMPARE(r.result.error.message, std::string("stopped by the user"));
        QCOMPARE(ts::categorize(r.result.error), ErrorCategory::Cancelled);
        QCOMPARE(r.result.response.text, dripText(2));
        QCOMPARE(r.streamed, dripText(2));
    }

    void arrivalTimes()
    {
        MockOpenAIServer server;
        server.setDripDelay(5ms);
        const Run r = run(configFor(server), chat("mock-drip"));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(r.textTimes.size(), std::size_t(ts::test::mock::kDripPieces));
        QCOMPARE(res.response.text, dripText(ts::test::mock::kDripPieces));
        ts::Nanos previous = res.startedAt;
        for (const ts::Exchange::Chunk& chunk : res.exchange.chunks) {
            QVERIFY(chunk.at >= previous);
            previous = chunk.at;
        }
        QVERIFY(previous <= res.finishedAt);
        QCOMPARE(res.firstChunkAt.value_or(0), r.textTimes.front());
        // The server paused 5 ms before each event: the times are arrivals, not one stamp.
        QVERIFY(r.textTimes.back() - r.textTimes.front() >= 400 * ts::kNsPerMs);
    }

    void secretsRedacted()
    {
        MockOpenAIServer server;
        ts::OpenAIResponsesConfig config = configFor(server);
        config.extraHeaders = {{"OpenAI-Organization", "org-mock"}, {"x-api-key", "gateway-secret"}};
        const ts::Exchange exchange = run(config, chat("gpt-4o")).result.exchange;
        QCOMPARE(server.lastRequest().header("authorization"), "Bearer " + kKey);
        QCOMPARE(server.lastRequest().header("openai-organization"), std::string("org-mock"));
        const auto sent = [&](const std::string& name) { return ts::net::headerValue(exchange.requestHeaders, name); };
        QCOMPARE(sent("Authorization"), std::string("<redacted>"));
        QCOMPARE(sent("x-api-key"), std::string("<redacted>"));
        QCOMPARE(sent("OpenAI-Organization"), std::string("org-mock"));
        for (const auto& [header, value] : exchange.requestHeaders)
            QVERIFY2(!contains(value, kKey) && !contains(value, "gateway-secret"), header.c_str());
        QVERIFY(!contains(exchange.requestBody, kKey));
        QCOMPARE(exchange.url, server.baseUrl() + "/responses");
    }

    void nonStreaming_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("stream:false") << false;
        QTest::newRow("server ignores stream:true") << true;
    }

    void nonStreaming()
    {
        QFETCH(bool, stream);
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat(stream ? "mock-ignores-stream" : "gpt-4o", stream));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(server.lastRequest().json().at("stream").get<bool>(), stream);
        QCOMPARE(server.lastRequest().header("accept"), std::string(stream ? "text/event-stream" : "application/json"));
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(r.textTimes.size(), std::size_t{1});
        QCOMPARE(res.response.finishReason, std::string("stop"));
        QCOMPARE(res.response.id, std::string(mock::kResponseId));
        verifyMockUsage(res.response.usage);
        QVERIFY(res.exchange.chunks.empty());
        QVERIFY(contains(res.exchange.responseBody, "\"object\":\"response\""));
        QCOMPARE(res.chunkCount, 1);
        QCOMPARE(res.firstChunkAt.value_or(0), res.finishedAt);
    }

    void configErrors_data()
    {
        QTest::addColumn<bool>("goodUrl");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("toolParameters");
        QTest::addColumn<QString>("schema");
        QTest::newRow("no model") << true << QString() << QString() << QString();
        QTest::newRow("base URL without scheme") << false << QStringLiteral("gpt-4o") << QString() << QString();
        QTest::newRow("tool parameters not JSON") << true << QStringLiteral("gpt-4o") << QStringLiteral("{nope")
                                                  << QString();
        QTest::newRow("response schema not JSON") << true << QStringLiteral("gpt-4o") << QString()
                                                  << QStringLiteral("{nope");
    }

    void configErrors()
    {
        QFETCH(bool, goodUrl);
        QFETCH(QString, model);
        QFETCH(QString, toolParameters);
        QFETCH(QString, schema);
        MockOpenAIServer server;
        ts::OpenAIResponsesConfig config = configFor(server);
        if (!goodUrl)
            config.baseUrl = server.baseUrl().substr(std::string("http://").size());
        ts::ChatRequest request = chat(model.toStdString());
        if (!toolParameters.isEmpty())
            request.tools = {{"broken", "", toolParameters.toStdString()}};
        if (!schema.isEmpty())
            request.responseFormat = {ts::ResponseFormat::Type::JsonSchema, "answer", schema.toStdString(), true};
        const ts::CallResult result = run(config, request).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Config);
        QVERIFY(!result.error.message.empty());
        QCOMPARE(server.requestCount(), 0);
    }

    void connectRefused()
    {
        ts::test::RefusedPort refused;
        ts::OpenAIResponsesConfig config;
        config.baseUrl = "http://127.0.0.1:" + std::to_string(refused.port()) + "/v1/";
        config.apiKey = kKey;
        const ts::CallResult result = run(config, chat("gpt-4o")).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Network);
        QVERIFY(result.error.retryable());
        QCOMPARE(result.exchange.url, "http://127.0.0.1:" + std::to_string(refused.port()) + "/v1/responses");
        QCOMPARE(result.exchange.httpStatus, 0);
    }

    void providerIdentity()
    {
        ts::OpenAIResponsesConfig config;
        config.models = {"gpt-4o", "o4-mini"};
        const ts::OpenAIResponsesProvider provider(config);
        QCOMPARE(provider.id(), std::string("openai-responses"));
        QCOMPARE(provider.otelName(), std::string("openai"));
        QCOMPARE(provider.models().size(), std::size_t{2});
        QCOMPARE(provider.config().baseUrl, std::string("https://api.openai.com/v1"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAIResponses)
#include "test_openai_responses.moc"
