// The Anthropic Messages provider over real HTTP on loopback: what it sends, the streams it reads
// (generated and recorded), and every fault the mock server can stage.
#include "mock_anthropic_scenarios.h"
#include "mock_anthropic_server.h"
#include "providers/anthropic_provider.h"
#include "providers/error_category.h"
#include "qtest_std_string.h"
#include "refused_port.h"

#include <QtTest/QTest>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

using namespace std::chrono_literals;
using nlohmann::json;
using ts::ErrorCategory;
using ts::ProviderError;
using ts::test::MockAnthropicServer;
namespace mock = ts::test::anthropic_mock;

Q_DECLARE_METATYPE(ErrorCategory)

namespace {

const std::string kKey = "sk-ant-test-0123456789abcdef";
const std::string kText(mock::kText);
constexpr std::int64_t kCacheWrites = mock::kCacheWrite5mTokens + mock::kCacheWrite1hTokens;

ts::AnthropicConfig configFor(const MockAnthropicServer& server)
{
    ts::AnthropicConfig config;
    config.baseUrl = server.baseUrl();
    config.apiKey = kKey;
    config.models = {"claude-sonnet-4-5"};
    return config;
}

ts::ChatRequest chat(const std::string& model, bool stream = true)
{
    ts::ChatRequest request;
    request.provider = "anthropic";
    request.model = model;
    request.stream = stream;
    request.maxTokens = 256;
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
Run run(const ts::AnthropicConfig& config, const ts::ChatRequest& request,
        const ts::CancelToken* cancel = nullptr, const std::function<bool(int)>& keepGoing = {})
{
    Run out;
    ts::AnthropicProvider provider(config);
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

// The mock's usage in Tokenscope's convention: every input token counted, cache reads and writes too.
void verifyMockUsage(const ts::Usage& usage, std::int64_t reasoning = 0)
{
    QVERIFY(usage.reported);
    QCOMPARE(usage.inputTokens, mock::kInputTokens + mock::kCacheReadTokens + kCacheWrites);
    QCOMPARE(usage.cacheReadTokens, mock::kCacheReadTokens);
    QCOMPARE(usage.cacheWriteTokens, kCacheWrites);
    QCOMPARE(usage.cacheWrite1hTokens, mock::kCacheWrite1hTokens);
    QCOMPARE(usage.outputTokens, mock::kOutputTokens);
    QCOMPARE(usage.reasoningTokens, reasoning);
}

std::string dripText(int pieces)
{
    std::string text;
    for (int i = 0; i < pieces; ++i)
        text += "w" + std::to_string(i) + " ";
    return text;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

std::chrono::milliseconds since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t);
}

json cacheControl(const char* ttl = nullptr)
{
    json control{{"type", "ephemeral"}};
    if (ttl)
        control["ttl"] = ttl;
    return control;
}

} // namespace

class TestAnthropicProvider : public QObject
{
    Q_OBJECT

private slots:
    void textStream()
    {
        MockAnthropicServer server(kKey);
        const Run r = run(configFor(server), chat("claude-sonnet-4-5"));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(res.response.finishReason, std::string("stop"));
        QCOMPARE(res.response.id, std::string(mock::kMessageId));
        QCOMPARE(res.response.model, std::string("claude-sonnet-4-5"));
        QVERIFY(res.response.toolCalls.empty());
        verifyMockUsage(res.response.usage);
        QCOMPARE(res.chunkCount, static_cast<int>(mock::kTextPieces.size()));
        QCOMPARE(res.exchange.httpStatus, 200);
        QCOMPARE(ts::net::headerValue(res.exchange.responseHeaders, "request-id"),
                 std::string(mock::kRequestId));
        // message_start, block start, ping, the deltas, block stop, message_delta, message_stop.
        QCOMPARE(res.exchange.chunks.size(), mock::kTextPieces.size() + 6);
        QVERIFY(res.exchange.chunks.front().data.starts_with("{\"type\":\"message_start\""));
        QCOMPARE(res.exchange.chunks.back().data, std::string("{\"type\":\"message_stop\"}"));
        QVERIFY(res.exchange.responseBody.empty());
        QCOMPARE(res.firstChunkAt.value_or(0), r.textTimes.front());
        QVERIFY(res.startedAt <= *res.firstChunkAt && *res.firstChunkAt <= res.finishedAt);
    }

    void requestOnTheWire()
    {
        MockAnthropicServer server(kKey);
        ts::ChatRequest request = chat("claude-sonnet-4-5");
        request.temperature = 0.25;
        request.topP = 0.5;
        request.tools = {{"get_weather", "Weather for a city",
                          json{{"type", "object"}, {"properties", {{"city", {{"type", "string"}}}}}}.dump()}};
        request.messages.push_back(
            {ts::Role::Assistant, "", {{"toolu_1", "get_weather", json{{"city", "Paris"}}.dump()}}, {}, {}});
        request.messages.push_back({ts::Role::Tool, json{{"temp_c", 21}}.dump(), {}, "toolu_1", {}});
        request.messages.push_back({ts::Role::User, "Thanks."});
        const Run r = run(configFor(server), request);
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());

        const ts::test::RecordedRequest sent = server.lastRequest();
        QCOMPARE(sent.method, std::string("POST"));
        QCOMPARE(sent.path, std::string("/v1/messages"));
        QCOMPARE(sent.header("x-api-key"), kKey);
        QCOMPARE(sent.header("anthropic-version"), std::string("2023-06-01"));
        QCOMPARE(sent.header("content-type"), std::string("application/json"));
        QCOMPARE(sent.header("accept"), std::string("text/event-stream"));
        QVERIFY(sent.header("authorization").empty());
        const json toolUse{
            {"type", "tool_use"}, {"id", "toolu_1"}, {"name", "get_weather"}, {"input", {{"city", "Paris"}}}};
        const json toolResult{
            {"type", "tool_result"}, {"tool_use_id", "toolu_1"}, {"content", json{{"temp_c", 21}}.dump()}};
        const json expected{
            {"model", "claude-sonnet-4-5"},
            {"system", "Be brief."},
            {"messages",
             {{{"role", "user"}, {"content", {{{"type", "text"}, {"text", "Say hello."}}}}},
              {{"role", "assistant"}, {"content", {toolUse}}},
              // The tool result and the next user text share one user turn: roles must alternate.
              {{"role", "user"}, {"content", {toolResult, {{"type", "text"}, {"text", "Thanks."}}}}}}},
            {"tools",
             {{{"name", "get_weather"},
               {"description", "Weather for a city"},
               {"input_schema", {{"type", "object"}, {"properties", {{"city", {{"type", "string"}}}}}}}}}},
            {"max_tokens", 256},
            {"temperature", 0.25},
            {"top_p", 0.5},
            {"stream", true}};
        QCOMPARE(sent.json().dump(2), expected.dump(2));
    }

    void imagesAndCacheBreakpointsOnTheWire()
    {
        MockAnthropicServer server(kKey);
        ts::ChatRequest request = chat("claude-sonnet-4-5");
        request.maxTokens.reset();
        request.messages = {{ts::Role::System, "A long policy."},
                            {ts::Role::System, "Be brief."},
                            {ts::Role::User, "What is in these?"}};
        request.messages[0].cacheBreakpoint = "1h";
        request.messages[2].images = {{"image/png", "iVBORw0KGgo=", ""},
                                      {"", "", "https://example.com/cat.jpg"}};
        request.messages[2].cacheBreakpoint = "5m";
        request.messages.push_back({ts::Role::Assistant, "", {{"toolu_1", "zoom", "{}"}}, {}, {}});
        request.messages.back().cacheBreakpoint = "5m";
        request.messages.push_back({ts::Role::Tool, "a cat", {}, "toolu_1", {}});
        request.messages.back().cacheBreakpoint = "1h";
        const Run r = run(configFor(server), request);
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());

        const json sent = server.lastRequest().json();
        QCOMPARE(sent["max_tokens"].get<int>(), 4096); // required by the API, so always sent
        const json system{
            {{"type", "text"}, {"text", "A long policy."}, {"cache_control", cacheControl("1h")}},
            {{"type", "text"}, {"text", "Be brief."}}};
        QCOMPARE(sent["system"].dump(), system.dump());
        const json images{
            {{"type", "image"},
             {"source", {{"type", "base64"}, {"media_type", "image/png"}, {"data", "iVBORw0KGgo="}}}},
            {{"type", "image"}, {"source", {{"type", "url"}, {"url", "https://example.com/cat.jpg"}}}},
            {{"type", "text"}, {"text", "What is in these?"}, {"cache_control", cacheControl()}}};
        QCOMPARE(sent["messages"][0]["content"].dump(), images.dump());
        QCOMPARE(sent["messages"][1]["content"][0]["cache_control"].dump(), cacheControl().dump());
        QCOMPARE(sent["messages"][2]["content"][0]["cache_control"].dump(), cacheControl("1h").dump());
    }

    void tooManyBreakpointsIsTheProvidersError()
    {
        MockAnthropicServer server(kKey);
        ts::ChatRequest request = chat("claude-sonnet-4-5");
        for (int i = 0; i < 4; ++i) {
            request.messages.push_back({ts::Role::Assistant, "Hi " + std::to_string(i)});
            request.messages.push_back({ts::Role::User, "Again."});
        }
        for (ts::Message& m : request.messages)
            m.cacheBreakpoint = m.role == ts::Role::System ? "" : "5m";
        const ProviderError error = run(configFor(server), request).result.error;
        QCOMPARE(error.httpStatus, 400);
        QCOMPARE(error.type, std::string("invalid_request_error"));
        QVERIFY2(error.message.starts_with("A maximum of 4 blocks with cache_control"),
                 error.message.c_str());
        QCOMPARE(ts::categorize(error), ErrorCategory::BadRequest);
    }

    void structuredOutput()
    {
        MockAnthropicServer server(kKey);
        ts::ChatRequest request = chat("claude-sonnet-4-5");
        request.responseFormat.type = ts::ResponseFormat::Type::JsonSchema;
        request.responseFormat.name = "answer";
        const json schema{{"type", "object"},
                          {"properties", {{"n", {{"type", "integer"}}}}},
                          {"additionalProperties", false}};
        request.responseFormat.schemaJson = schema.dump();
        QVERIFY(run(configFor(server), request).result.ok());
        const json format{{"format", {{"type", "json_schema"}, {"schema", schema}}}};
        QCOMPARE(server.lastRequest().json()["output_config"].dump(), format.dump());

        // Messages has no schema-less JSON mode: nothing is sent for it.
        request.responseFormat = {ts::ResponseFormat::Type::JsonObject, {}, {}, true};
        QVERIFY(run(configFor(server), request).result.ok());
        QVERIFY(!server.lastRequest().json().contains("output_config"));
    }

    void recordings_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("finish");
        QTest::addColumn<QString>("tool"); // name(arguments) of the one tool call, if any
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("output");
        const QString hello = QStringLiteral("Hello there!");
        const QString stop = QStringLiteral("stop");
        QTest::newRow("basic") << QStringLiteral("basic_response") << hello << stop << QString()
                               << QStringLiteral("claude-3-opus-latest") << qint64(11) << qint64(6);
        QTest::newRow("tool use") << QStringLiteral("tool_use_response")
                                  << QStringLiteral("I'll check the current weather in Paris for you.")
                                  << QStringLiteral("tool_calls")
                                  << QStringLiteral("get_weather({\"location\": \"Paris\"})")
                                  << QStringLiteral("claude-sonnet-4-20250514") << qint64(377) << qint64(65);
        QTest::newRow("tool input cut by max_tokens")
            << QStringLiteral("incomplete_partial_json_response")
            << QStringLiteral(
                   "I'll create a comprehensive tax guide for someone with multiple W2s and save it in a "
                   "file called taxes.txt. Let me do that for you now.")
            << QStringLiteral("length")
            << QStringLiteral(
                   "make_file({\"filename\": \"taxes.txt\", \"lines_of_text\": [\n\"# COMPREHENSIVE TAX "
                   "GUIDE FOR INDIVIDUALS WITH MULTIPLE W-2s\",\n\"\",\n\"## INTRODUCTION\",\n\"\",\n"
                   "\"Filing taxes)")
            << QStringLiteral("claude-3-7-sonnet-20250219") << qint64(450) << qint64(124);
        QTest::newRow("refusal") << QStringLiteral("refusal_response") << QString()
                                 << QStringLiteral("content_filter") << QString()
                                 << QStringLiteral("claude-opus-4-7") << qint64(20) << qint64(0);
        QTest::newRow("compaction block")
            << QStringLiteral("compaction_response") << hello << stop << QString()
            << QStringLiteral("claude-opus-4-7") << qint64(30) << qint64(8);
        QTest::newRow("fallback to another model")
            << QStringLiteral("fallback_response") << hello << stop << QString()
            << QStringLiteral("claude-sonnet-4-5") << qint64(25) << qint64(8);
        QTest::newRow("fallback credit in usage")
            << QStringLiteral("fallback_credit_response") << hello << stop << QString()
            << QStringLiteral("claude-sonnet-4-5") << qint64(25) << qint64(8);
    }

    void recordings()
    {
        QFETCH(QString, name);
        QFETCH(QString, text);
        QFETCH(QString, finish);
        QFETCH(QString, tool);
        QFETCH(QString, model);
        QFETCH(qint64, input);
        QFETCH(qint64, output);
        MockAnthropicServer server(kKey);
        const Run r = run(configFor(server), chat("claude-replay:" + name.toStdString()));
        const ts::ChatResponse& response = r.result.response;
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(response.text, text.toStdString());
        QCOMPARE(r.streamed, text.toStdString());
        QCOMPARE(response.finishReason, finish.toStdString());
        QString tools;
        for (const ts::ToolCall& call : response.toolCalls)
            tools += QString::fromStdString(call.name + "(" + call.arguments + ")");
        QCOMPARE(tools, tool);
        QCOMPARE(response.model, model.toStdString());
        QVERIFY(response.usage.reported);
        QCOMPARE(response.usage.inputTokens, static_cast<std::int64_t>(input));
        QCOMPARE(response.usage.outputTokens, static_cast<std::int64_t>(output));
        QCOMPARE(r.result.exchange.chunks.back().data.substr(0, 22),
                 std::string("{\"type\":\"message_stop\""));
    }

    void toolUseAssembled()
    {
        MockAnthropicServer server(kKey);
        const Run r = run(configFor(server), chat("claude-replay:tool_use_response"));
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(r.result.response.toolCalls.size(), std::size_t{1});
        const ts::ToolCall& call = r.result.response.toolCalls.front();
        QCOMPARE(call.id, std::string("toolu_01NRLabsLyVHZPKxbKvkfSMn"));
        const json expected{{"location", "Paris"}};
        QCOMPARE(json::parse(call.arguments).dump(), expected.dump());
        QCOMPARE(r.result.chunkCount, 6); // two text deltas, four non-empty input fragments
        QCOMPARE(r.result.firstChunkAt.value_or(0), r.textTimes.front());
        QCOMPARE(r.result.response.asMessage().toolCalls, r.result.response.toolCalls);
    }

    // The SDK's files end without the blank line that closes an event: read strictly, message_stop
    // never arrived, though everything before it did.
    void rawRecordingEndsBeforeMessageStop()
    {
        MockAnthropicServer server(kKey);
        const Run r = run(configFor(server), chat("claude-replay-raw:basic_response"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Network);
        QCOMPARE(r.result.error.message, std::string("stream ended before message_stop"));
        QCOMPARE(r.result.response.text, std::string("Hello there!"));
        QCOMPARE(r.result.response.finishReason, std::string("stop"));
        QCOMPARE(r.result.response.usage.outputTokens, std::int64_t{6});
    }

    void thinking_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed") << true;
        QTest::newRow("whole message") << false;
    }

    void thinking()
    {
        QFETCH(bool, stream);
        MockAnthropicServer server(kKey);
        const Run r = run(configFor(server), chat("claude-thinking", stream));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.text, kText); // the thinking is not the answer
        QCOMPARE(r.streamed, kText);
        QCOMPARE(res.firstChunkAt.value_or(0), r.textTimes.front());
        verifyMockUsage(res.response.usage, mock::kThinkingTokens);
        std::size_t thinkingChars = 0;
        for (const std::string& piece : mock::kThinkingPieces)
            thinkingChars += piece.size();
        const auto chars = res.attributes.find("tokenscope.response.thinking_chars");
        QVERIFY(chars != res.attributes.end());
        QCOMPARE(std::get<std::int64_t>(chars->second), static_cast<std::int64_t>(thinkingChars));
        // Thinking deltas are chunks of the stream too, though no answer.
        const int chunks =
            stream ? static_cast<int>(mock::kThinkingPieces.size() + mock::kTextPieces.size()) : 1;
        QCOMPARE(res.chunkCount, chunks);
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
        MockAnthropicServer server(kKey);
        const Run r =
            run(configFor(server), chat(stream ? "claude-ignores-stream" : "claude-sonnet-4-5", stream));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(server.lastRequest().json().at("stream").get<bool>(), stream);
        QCOMPARE(server.lastRequest().header("accept"),
                 std::string(stream ? "text/event-stream" : "application/json"));
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(r.textTimes.size(), std::size_t{1});
        QCOMPARE(res.response.finishReason, std::string("stop"));
        QCOMPARE(res.response.id, std::string(mock::kMessageId));
        verifyMockUsage(res.response.usage);
        QVERIFY(res.exchange.chunks.empty());
        QVERIFY(contains(res.exchange.responseBody, "\"type\":\"message\""));
        QCOMPARE(res.chunkCount, 1);
        QCOMPARE(res.firstChunkAt.value_or(0), res.finishedAt);
    }

    void errorEventInStream()
    {
        MockAnthropicServer server(kKey);
        const Run r = run(configFor(server), chat("claude-error-in-stream"));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Stream);
        QCOMPARE(error.type, std::string("overloaded_error"));
        QCOMPARE(error.message, std::string("Overloaded"));
        QCOMPARE(ts::categorize(error), ErrorCategory::Overloaded);
        QVERIFY(error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,"));
        QCOMPARE(r.streamed, std::string("Hello,"));
        QCOMPARE(r.result.exchange.httpStatus, 200);
        QVERIFY(r.result.exchange.chunks.back().data.starts_with("{\"type\": \"error\""));
    }

    void malformedEvent()
    {
        MockAnthropicServer server(kKey);
        const Run r = run(configFor(server), chat("claude-truncated-json"));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Stream);
        QVERIFY2(error.message.starts_with("malformed event: {\"type\":\"content_block_delta\""),
                 error.message.c_str());
        QCOMPARE(ts::categorize(error), ErrorCategory::MalformedStream);
        QVERIFY(!error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,")); // nothing after the bad event is read
        QCOMPARE(r.streamed, std::string("Hello,"));
    }

    void httpErrors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::addColumn<qint64>("retryAfterMs"); // -1: none
        QTest::addColumn<ErrorCategory>("category");
        QTest::addColumn<bool>("retryable");
        const QString model = QStringLiteral("claude-sonnet-4-5");
        const QString key = QString::fromStdString(kKey);
        QTest::newRow("401 bad key") << model << QStringLiteral("sk-ant-wrong") << 401
                                     << QStringLiteral("authentication_error")
                                     << QStringLiteral("invalid x-api-key") << qint64(-1)
                                     << ErrorCategory::Auth << false;
        QTest::newRow("429 rate limited")
            << QStringLiteral("claude-rate-limited") << key << 429 << QStringLiteral("rate_limit_error")
            << QStringLiteral(
                   "This request would exceed your organization's rate limit of 50 requests per minute. "
                   "Please try again later.")
            << qint64(mock::kRetryAfterSeconds * 1000) << ErrorCategory::RateLimited << true;
        QTest::newRow("529 overloaded")
            << QStringLiteral("claude-overloaded") << key << 529 << QStringLiteral("overloaded_error")
            << QStringLiteral("Overloaded") << qint64(2000) << ErrorCategory::Overloaded << true;
        QTest::newRow("400 prompt is too long")
            << QStringLiteral("claude-too-long") << key << 400 << QStringLiteral("invalid_request_error")
            << QStringLiteral("prompt is too long: 215443 tokens > 200000 maximum") << qint64(-1)
            << ErrorCategory::ContextTooLong << false;
        QTest::newRow("404 unknown model")
            << QStringLiteral("gpt-4o") << key << 404 << QStringLiteral("not_found_error")
            << QStringLiteral("model: gpt-4o") << qint64(-1) << ErrorCategory::BadRequest << false;
    }

    void httpErrors()
    {
        QFETCH(QString, model);
        QFETCH(QString, key);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QString, message);
        QFETCH(qint64, retryAfterMs);
        QFETCH(ErrorCategory, category);
        QFETCH(bool, retryable);
        MockAnthropicServer server(kKey);
        ts::AnthropicConfig config = configFor(server);
        config.apiKey = key.toStdString();
        const Run r = run(config, chat(model.toStdString()));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Http);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.type, type.toStdString());
        QCOMPARE(error.message, message.toStdString());
        QCOMPARE(error.retryAfterMs.value_or(-1), static_cast<std::int64_t>(retryAfterMs));
        QCOMPARE(ts::categorize(error), category);
        QCOMPARE(error.retryable(), retryable);
        const ts::Exchange& exchange = r.result.exchange;
        QCOMPARE(exchange.httpStatus, status);
        QVERIFY(contains(exchange.responseBody, "\"request_id\":\"" + std::string(mock::kRequestId) + "\""));
        QVERIFY(exchange.chunks.empty());
        QVERIFY(r.streamed.empty());
        QVERIFY(!r.result.firstChunkAt);
    }

    void rateLimitHeadersKept()
    {
        MockAnthropicServer server(kKey);
        const ts::Exchange exchange = run(configFor(server), chat("claude-rate-limited")).result.exchange;
        const auto header = [&](const char* name) {
            return ts::net::headerValue(exchange.responseHeaders, name);
        };
        QCOMPARE(header("anthropic-ratelimit-requests-remaining"), std::string("0"));
        QCOMPARE(header("anthropic-ratelimit-requests-reset"), std::string("2026-08-21T12:00:03Z"));
        QCOMPARE(header("anthropic-ratelimit-input-tokens-limit"), std::string("30000"));
        QCOMPARE(header("retry-after"), std::to_string(mock::kRetryAfterSeconds));
    }

    void disconnectMidStream()
    {
        MockAnthropicServer server(kKey);
        const Run r = run(configFor(server), chat("claude-disconnect"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Network);
        QVERIFY2(r.result.error.message.starts_with("stream ended before message_stop"),
                 r.result.error.message.c_str());
        QCOMPARE(ts::categorize(r.result.error), ErrorCategory::Network);
        QVERIFY(r.result.error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello, world"));
        QCOMPARE(r.streamed, std::string("Hello, world"));
        // message_start's usage is kept: the input side is known, the output only begun.
        QCOMPARE(r.result.response.usage.inputTokens,
                 mock::kInputTokens + mock::kCacheReadTokens + kCacheWrites);
        QCOMPARE(r.result.response.usage.outputTokens, std::int64_t{1});
        QVERIFY(r.result.response.finishReason.empty());
    }

    void idleTimeout()
    {
        MockAnthropicServer server(kKey);
        ts::AnthropicConfig config = configFor(server);
        config.idleTimeout = 1000ms;
        const Run r = run(config, chat("claude-stall"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Timeout);
        QVERIFY2(r.result.error.message.starts_with("stream ended before message_stop: "),
                 r.result.error.message.c_str());
        QVERIFY(r.result.error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,"));
    }

    // The stop button: another thread cancels while deltas drip in.
    void cancelMidStream()
    {
        MockAnthropicServer server(kKey);
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
        const Run r = run(configFor(server), chat("claude-drip"), &token, [&](int n) {
            deltas = n;
            return true;
        });
        canceller.join();
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Cancelled);
        QCOMPARE(r.result.error.message, std::string("cancelled"));
        QVERIFY2(since(cancelledAt) < 200ms, "the drip has seconds left; a cancel must not wait for it");
        QVERIFY(!r.result.error.retryable());
        QVERIFY(r.result.response.text.starts_with(dripText(3)));
        QVERIFY(r.result.response.text.size() < dripText(mock::kDripPieces).size());
        QCOMPARE(r.streamed, r.result.response.text);
    }

    void onTextFalseStops()
    {
        MockAnthropicServer server(kKey);
        server.setDripDelay(5ms);
        const Run r = run(configFor(server), chat("claude-drip"), nullptr, [](int n) { return n < 2; });
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Cancelled);
        QCOMPARE(r.result.error.message, std::string("stopped by the user"));
        QCOMPARE(ts::categorize(r.result.error), ErrorCategory::Cancelled);
        QCOMPARE(r.result.response.text, dripText(2));
        QCOMPARE(r.streamed, dripText(2));
    }

    void arrivalTimes()
    {
        MockAnthropicServer server(kKey);
        server.setDripDelay(5ms);
        const Run r = run(configFor(server), chat("claude-drip"));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(r.textTimes.size(), std::size_t(mock::kDripPieces));
        QCOMPARE(res.response.text, dripText(mock::kDripPieces));
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
        MockAnthropicServer server(kKey);
        ts::AnthropicConfig config = configFor(server);
        config.extraHeaders = {{"anthropic-beta", "output-128k-2025-02-19"},
                               {"Authorization", "Bearer gateway-secret"}};
        const ts::Exchange exchange = run(config, chat("claude-sonnet-4-5")).result.exchange;
        QCOMPARE(server.lastRequest().header("x-api-key"), kKey);
        QCOMPARE(server.lastRequest().header("anthropic-beta"), std::string("output-128k-2025-02-19"));
        const auto sent = [&](const std::string& name) {
            return ts::net::headerValue(exchange.requestHeaders, name);
        };
        QCOMPARE(sent("x-api-key"), std::string("<redacted>"));
        QCOMPARE(sent("Authorization"), std::string("<redacted>"));
        QCOMPARE(sent("anthropic-beta"), std::string("output-128k-2025-02-19"));
        QCOMPARE(sent("anthropic-version"), std::string("2023-06-01"));
        for (const auto& [header, value] : exchange.requestHeaders)
            QVERIFY2(!contains(value, kKey) && !contains(value, "gateway-secret"), header.c_str());
        QVERIFY(!contains(exchange.requestBody, kKey));
        QCOMPARE(exchange.url, server.baseUrl() + "/v1/messages");
    }

    void noKeyNoHeader()
    {
        MockAnthropicServer server(kKey);
        ts::AnthropicConfig config = configFor(server);
        config.apiKey.clear();
        const ProviderError error = run(config, chat("claude-sonnet-4-5")).result.error;
        QVERIFY(!server.lastRequest().headers.empty());
        QVERIFY(server.lastRequest().header("x-api-key").empty());
        QCOMPARE(error.httpStatus, 401);
        QCOMPARE(ts::categorize(error), ErrorCategory::Auth);
    }

    void configErrors_data()
    {
        QTest::addColumn<bool>("goodUrl");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("toolParameters");
        QTest::addColumn<QString>("schema");
        QTest::newRow("no model") << true << QString() << QString() << QString();
        QTest::newRow("base URL without scheme")
            << false << QStringLiteral("claude-sonnet-4-5") << QString() << QString();
        QTest::newRow("tool parameters not JSON")
            << true << QStringLiteral("claude-sonnet-4-5") << QStringLiteral("{nope") << QString();
        QTest::newRow("response schema not JSON")
            << true << QStringLiteral("claude-sonnet-4-5") << QString() << QStringLiteral("{nope");
    }

    void configErrors()
    {
        QFETCH(bool, goodUrl);
        QFETCH(QString, model);
        QFETCH(QString, toolParameters);
        QFETCH(QString, schema);
        MockAnthropicServer server(kKey);
        ts::AnthropicConfig config = configFor(server);
        if (!goodUrl)
            config.baseUrl = server.baseUrl().substr(std::string("http://").size());
        ts::ChatRequest request = chat(model.toStdString());
        if (!toolParameters.isEmpty())
            request.tools = {{"broken", "", toolParameters.toStdString()}};
        if (!schema.isEmpty())
            request.responseFormat = {ts::ResponseFormat::Type::JsonSchema, "answer", schema.toStdString(),
                                      true};
        const ts::CallResult result = run(config, request).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Config);
        QVERIFY(!result.error.message.empty());
        QCOMPARE(server.requestCount(), 0);
    }

    void connectRefused()
    {
        ts::test::RefusedPort refused;
        ts::AnthropicConfig config;
        config.baseUrl = "http://127.0.0.1:" + std::to_string(refused.port()) + "/";
        config.apiKey = kKey;
        const ts::CallResult result = run(config, chat("claude-sonnet-4-5")).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Network);
        QVERIFY(result.error.retryable());
        QCOMPARE(result.exchange.url, "http://127.0.0.1:" + std::to_string(refused.port()) + "/v1/messages");
        QCOMPARE(result.exchange.httpStatus, 0);
    }

    void providerIdentity()
    {
        ts::AnthropicConfig config;
        config.models = {"claude-sonnet-4-5", "claude-haiku-4-5"};
        const ts::AnthropicProvider provider(config);
        QCOMPARE(provider.id(), std::string("anthropic"));
        QCOMPARE(provider.otelName(), std::string("anthropic"));
        QCOMPARE(provider.models().size(), std::size_t{2});
        QCOMPARE(provider.config().baseUrl, std::string("https://api.anthropic.com"));
        QVERIFY(provider.config().totalTimeout == 0ms); // a long answer must not be cut at 15 s
    }
};

QTEST_GUILESS_MAIN(TestAnthropicProvider)
#include "test_anthropic_provider.moc"
