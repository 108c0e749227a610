#include "mock_openai_scenarios.h"
#include "mock_openai_server.h"
#include "providers/curl_command.h"
#include "providers/openai_compat.h"
#include "qtest_std_string.h"
#include "refused_port.h"

#include <QtCore/QProcess>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

using namespace std::chrono_literals;
using nlohmann::json;
using ts::ProviderError;
using ts::test::MockOpenAIServer;
namespace mock = ts::test::mock;

namespace {

const std::string kKey = "sk-test-0123456789abcdef";
const std::string kText(mock::kText);

ts::OpenAICompatConfig configFor(const MockOpenAIServer& server)
{
    ts::OpenAICompatConfig config;
    config.baseUrl = server.baseUrl();
    config.apiKey = kKey;
    config.models = {"mock-usage", "mock-tools"};
    return config;
}

ts::ChatRequest chat(const std::string& model, bool stream = true)
{
    ts::ChatRequest request;
    request.provider = "openai";
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
Run run(const ts::OpenAICompatConfig& config, const ts::ChatRequest& request,
        const ts::CancelToken* cancel = nullptr, const std::function<bool(int)>& keepGoing = {})
{
    Run out;
    ts::OpenAICompatProvider provider(config);
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
    QCOMPARE(usage.inputTokens, mock::kPromptTokens);
    QCOMPARE(usage.outputTokens, mock::kCompletionTokens);
    QCOMPARE(usage.cacheReadTokens, mock::kCachedTokens);
    QCOMPARE(usage.cacheWriteTokens, mock::kCacheWriteTokens);
    QCOMPARE(usage.reasoningTokens, mock::kReasoningTokens);
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

} // namespace

class TestOpenAIProvider : public QObject
{
    Q_OBJECT

private slots:
    void textStream_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("usage null on other chunks") << QStringLiteral("mock-usage");
        QTest::newRow("usage absent on other chunks") << QStringLiteral("mock-usage-absent");
        QTest::newRow("CRLF and keep-alive comments") << QStringLiteral("mock-crlf");
        QTest::newRow("JSON split across TCP writes") << QStringLiteral("mock-split");
    }

    void textStream()
    {
        QFETCH(QString, model);
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat(model.toStdString()));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(res.response.finishReason, std::string("stop"));
        QCOMPARE(res.response.id, std::string(mock::kResponseId));
        QCOMPARE(res.response.model, model.toStdString() + std::string(mock::kModelSuffix));
        verifyMockUsage(res.response.usage);
        QCOMPARE(res.chunkCount, static_cast<int>(mock::kTextPieces.size()));
        QCOMPARE(res.exchange.httpStatus, 200);
        QCOMPARE(res.exchange.chunks.size(), mock::kTextPieces.size() + 4); // + role, finish, usage, [DONE]
        QCOMPARE(res.exchange.chunks.back().data, std::string("[DONE]"));
        QVERIFY(res.exchange.responseBody.empty());
    }

    void requestOnTheWire()
    {
        MockOpenAIServer server;
        ts::ChatRequest request = chat("mock-usage");
        request.temperature = 0.25;
        request.topP = 0.5;
        request.maxTokens = 256;
        request.seed = 42;
        request.tools = {{"get_weather", "Weather for a city",
                          R"({"type":"object","properties":{"city":{"type":"string"}},"required":["city"]})"}};
        request.messages.push_back({ts::Role::Assistant, "", {{"call_1", "get_weather", R"({"city":"Paris"})"}}, {}, {}});
        request.messages.push_back({ts::Role::Tool, R"({"temp_c":21})", {}, "call_1", {}});
        QVERIFY(run(configFor(server), request).result.ok());

        const ts::test::RecordedRequest sent = server.lastRequest();
        QCOMPARE(sent.method, std::string("POST"));
        QCOMPARE(sent.path, std::string("/v1/chat/completions"));
        QCOMPARE(sent.header("authorization"), "Bearer " + kKey);
        QCOMPARE(sent.header("content-type"), std::string("application/json"));
        QCOMPARE(sent.header("accept"), std::string("text/event-stream"));
        // The JSON-in-JSON strings are built, not written: moc misreads \" inside raw strings.
        json expected = json::parse(R"({"model": "mock-usage",
            "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather for a city",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}],
            "temperature": 0.25, "top_p": 0.5, "max_completion_tokens": 256, "seed": 42,
            "stream": true, "stream_options": {"include_usage": true}})");
        const json call{{"id", "call_1"},
                        {"type", "function"},
                        {"function", {{"name", "get_weather"}, {"arguments", R"({"city":"Paris"})"}}}};
        expected["messages"] = {{{"role", "system"}, {"content", "Be brief."}},
                                {{"role", "user"}, {"content", "Say hello."}},
                                {{"role", "assistant"}, {"content", nullptr}, {"tool_calls", json::array({call})}},
                                {{"role", "tool"}, {"content", R"({"temp_c":21})"}, {"tool_call_id", "call_1"}}};
        QCOMPARE(sent.json().dump(2), expected.dump(2));
    }

    void imagesAndStructuredOutputOnTheWire()
    {
        MockOpenAIServer server;
        ts::ChatRequest request = chat("mock-usage");
        request.messages[1].images = {{"image/png", "iVBORw0KGgo=", ""}, {"", "", "https://example.com/cat.jpg"}};
        request.responseFormat.type = ts::ResponseFormat::Type::JsonSchema;
        request.responseFormat.name = "answer";
        request.responseFormat.schemaJson = json{{"type", "object"}, {"properties", {{"n", {{"type", "integer"}}}}}}.dump();
        QVERIFY(run(configFor(server), request).result.ok());
        const json sent = server.lastRequest().json();
        const json& parts = sent["messages"][1]["content"];
        QCOMPARE(parts.size(), std::size_t{3});
        QCOMPARE(parts[0]["type"].get<std::string>(), std::string("text"));
        QCOMPARE(parts[1]["image_url"]["url"].get<std::string>(), std::string("data:image/png;base64,iVBORw0KGgo="));
        QCOMPARE(parts[2]["image_url"]["url"].get<std::string>(), std::string("https://example.com/cat.jpg"));
        QCOMPARE(sent["response_format"]["type"].get<std::string>(), std::string("json_schema"));
        QCOMPARE(sent["response_format"]["json_schema"]["name"].get<std::string>(), std::string("answer"));
        QCOMPARE(sent["response_format"]["json_schema"]["strict"].get<bool>(), true);
        QCOMPARE(sent["response_format"]["json_schema"]["schema"]["properties"]["n"]["type"].get<std::string>(),
                 std::string("integer"));

        request.responseFormat.schemaJson = "{not json";
        const auto bad = run(configFor(server), request).result.error;
        QCOMPARE(bad.kind, ProviderError::Kind::Config);
    }

    void azureDeployment()
    {
        MockOpenAIServer server;
        server.setApiKey("azure-key-0123");
        ts::OpenAICompatConfig config = configFor(server);
        config.id = "azure";
        config.otelName = "azure.ai.openai";
        config.baseUrl = "http://127.0.0.1:" + std::to_string(server.port()) + "/openai/deployments/gpt4o-prod/";
        config.apiKey = "azure-key-0123";
        config.azureApiVersion = "2024-10-21";
        const Run r = run(config, chat("mock-usage"));
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        const auto sent = server.lastRequest();
        QCOMPARE(sent.path, std::string("/openai/deployments/gpt4o-prod/chat/completions"));
        QCOMPARE(sent.header("api-key"), std::string("azure-key-0123"));
        QVERIFY(sent.header("authorization").empty());
        QVERIFY(r.result.exchange.url.ends_with("?api-version=2024-10-21"));
        for (const auto& [name, value] : r.result.exchange.requestHeaders)
            QVERIFY2(value.find("azure-key-0123") == std::string::npos, name.c_str());

        config.apiKey = "wrong";
        const ProviderError denied = run(config, chat("mock-usage")).result.error;
        QCOMPARE(denied.httpStatus, 401);
        QCOMPARE(denied.code, std::string("401"));
        QVERIFY(denied.message.starts_with("Access denied"));
    }

    void apiKey()
    {
        MockOpenAIServer server;
        ts::OpenAICompatConfig config = configFor(server);
        config.apiKey.clear();
        QVERIFY(run(config, chat("mock-usage")).result.ok());
        QVERIFY(server.lastRequest().header("authorization").empty());

        server.setApiKey("sk-the-right-one");
        config.apiKey = "sk-a-wrong-one";
        const ProviderError error = run(config, chat("mock-usage")).result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Http);
        QCOMPARE(error.httpStatus, 401);
        QCOMPARE(error.code, std::string("invalid_api_key"));
        QVERIFY(!error.retryable());
    }

    void noUsageChunk()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-no-usage"));
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(r.result.response.text, kText);
        QVERIFY(!r.result.response.usage.reported);
        QCOMPARE(r.result.response.usage, ts::Usage{});
        QCOMPARE(r.result.exchange.chunks.size(), mock::kTextPieces.size() + 3); // + role, finish, [DONE]
    }

    void reportedCost()
    {
        MockOpenAIServer server;
        Run r = run(configFor(server), chat("mock-reported-cost:0.0125"));
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(r.result.response.reportedCostUsd.value_or(-1), 0.0125);
        r = run(configFor(server), chat("mock-reported-cost:0.5", false));
        QCOMPARE(r.result.response.reportedCostUsd.value_or(-1), 0.5);
        r = run(configFor(server), chat("mock-litellm-cost:0.0031"));
        QCOMPARE(r.result.response.reportedCostUsd.value_or(-1), 0.0031);
        r = run(configFor(server), chat("mock-usage"));
        QVERIFY(!r.result.response.reportedCostUsd);
    }

    void errorInStream()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-error-in-stream"));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Stream);
        QCOMPARE(error.type, std::string("server_error"));
        QVERIFY(error.message.starts_with("The server had an error"));
        QVERIFY(error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,"));
        QCOMPARE(r.streamed, std::string("Hello,"));
        QCOMPARE(r.result.exchange.httpStatus, 200);
        QVERIFY(r.result.exchange.chunks.back().data.starts_with(R"({"error":)"));
    }

    void rateLimited_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::newRow("Retry-After seconds") << QStringLiteral("mock-429") << qint64(2000);
        QTest::newRow("retry-after-ms first") << QStringLiteral("mock-429-ms") << qint64(1500);
    }

    void rateLimited()
    {
        QFETCH(QString, model);
        QFETCH(qint64, retryAfterMs);
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat(model.toStdString()));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Http);
        QCOMPARE(error.httpStatus, 429);
        QCOMPARE(error.code, std::string("rate_limit_exceeded"));
        QCOMPARE(error.type, std::string("requests"));
        QVERIFY(error.message.starts_with("Rate limit reached"));
        QCOMPARE(error.retryAfterMs.value_or(-1), static_cast<std::int64_t>(retryAfterMs));
        QVERIFY(error.retryable());
        const ts::Exchange& exchange = r.result.exchange;
        QCOMPARE(exchange.httpStatus, 429);
        QVERIFY(contains(exchange.responseBody, R"("code":"rate_limit_exceeded")"));
        QVERIFY(exchange.chunks.empty());
        QCOMPARE(ts::net::headerValue(exchange.responseHeaders, "x-ratelimit-remaining-requests"), std::string("0"));
        QVERIFY(r.streamed.empty());
    }

    void quotaExceeded()
    {
        MockOpenAIServer server;
        const ProviderError error = run(configFor(server), chat("mock-quota")).result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Http);
        QCOMPARE(error.httpStatus, 429);
        QCOMPARE(error.code, std::string("insufficient_quota"));
        QVERIFY(!error.retryAfterMs);
        QVERIFY(!error.retryable());
    }

    void serverErrors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::newRow("500 ErrorResponse")
            << QStringLiteral("mock-500") << 500 << QStringLiteral("server_error")
            << QStringLiteral("The server had an error while processing your request. Sorry about that!");
        QTest::newRow("502 HTML page") << QStringLiteral("mock-502-html") << 502 << QString()
                                       << QStringLiteral("HTTP 502");
    }

    void serverErrors()
    {
        QFETCH(QString, model);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QString, message);
        MockOpenAIServer server;
        const ts::CallResult result = run(configFor(server), chat(model.toStdString())).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Http);
        QCOMPARE(result.error.httpStatus, status);
        QCOMPARE(result.error.type, type.toStdString());
        QCOMPARE(result.error.message, message.toStdString());
        QVERIFY(result.error.retryable());
        QVERIFY(!result.exchange.responseBody.empty());
    }

    // The stop button: another thread cancels while chunks drip in.
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
        QVERIFY2(since(cancelledAt) < 1000ms, "the drip has seconds left; a cancel must not wait for it");
        QVERIFY(!r.result.error.retryable());
        QVERIFY(r.result.response.text.starts_with(dripText(3)));
        QVERIFY(r.result.response.text.size() < dripText(mock::kDripPieces).size());
        QCOMPARE(r.streamed, r.result.response.text);
    }

    void onTextFalseStops()
    {
        MockOpenAIServer server;
        server.setDripDelay(5ms);
        const Run r = run(configFor(server), chat("mock-drip"), nullptr, [](int n) { return n < 2; });
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Cancelled);
        QCOMPARE(r.result.error.message, std::string("stopped by the user"));
        QCOMPARE(r.result.response.text, dripText(2));
        QCOMPARE(r.streamed, dripText(2));
    }

    void disconnectMidStream()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-disconnect"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Network);
        QVERIFY2(r.result.error.message.starts_with("stream ended before [DONE]"), r.result.error.message.c_str());
        QVERIFY(r.result.error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello, world"));
        QVERIFY(!r.result.response.usage.reported);
    }

    void cleanCloseWithoutDone()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-no-done"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Network);
        QCOMPARE(r.result.error.message, std::string("stream ended before [DONE]"));
        QCOMPARE(r.result.response.text, kText);
        verifyMockUsage(r.result.response.usage);
    }

    void idleTimeout()
    {
        MockOpenAIServer server;
        ts::OpenAICompatConfig config = configFor(server);
        config.idleTimeout = 1000ms;
        const Run r = run(config, chat("mock-stall"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Timeout);
        QVERIFY(r.result.error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,"));
    }

    void connectRefused()
    {
        ts::test::RefusedPort refused;
        ts::OpenAICompatConfig config;
        config.baseUrl = "http://127.0.0.1:" + std::to_string(refused.port()) + "/v1/";
        const ts::CallResult result = run(config, chat("gpt-4o-mini")).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Network);
        QVERIFY2(contains(result.error.message, "cannot connect to 127.0.0.1:" + std::to_string(refused.port())),
                 result.error.message.c_str());
        QVERIFY(result.error.retryable());
        QCOMPARE(result.exchange.url, "http://127.0.0.1:" + std::to_string(refused.port()) + "/v1/chat/completions");
        QCOMPARE(result.exchange.httpStatus, 0);
    }

    void parallelToolCalls()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-tools"));
        const ts::ChatResponse& response = r.result.response;
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(response.toolCalls.size(), size_t(2));
        QCOMPARE(response.toolCalls[0].id, std::string("call_JMW1whyEaYG438VE1OIflxA2"));
        QCOMPARE(response.toolCalls[0].name, std::string("GetWeatherArgs"));
        QCOMPARE(response.toolCalls[0].arguments, std::string(R"({"city": "Edinburgh", "country": "GB", "units": "c"})"));
        QCOMPARE(response.toolCalls[1].id, std::string("call_DNYTawLBoN8fj3KN6qU9N1Ou"));
        QCOMPARE(response.toolCalls[1].name, std::string("get_stock_price"));
        QCOMPARE(response.toolCalls[1].arguments, std::string(R"({"ticker": "AAPL", "exchange": "NASDAQ"})"));
        QCOMPARE(response.finishReason, std::string("tool_calls"));
        QVERIFY(response.text.empty());
        QVERIFY(r.streamed.empty());
        QCOMPARE(r.result.chunkCount, 22);
        QVERIFY(r.result.firstChunkAt);
        QCOMPARE(response.id, std::string("chatcmpl-ABfwAwrNePHUgBBezonVC6MX3zd63"));
        QCOMPARE(response.model, std::string("gpt-4o-2024-08-06"));
        QCOMPARE(response.usage.inputTokens, std::int64_t(149));
        QCOMPARE(response.usage.outputTokens, std::int64_t(60));
        QVERIFY(response.usage.reported);
    }

    void recordings_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("finish");
        QTest::addColumn<QString>("tool"); // name(arguments) of the one tool call, if any
        QTest::newRow("tool call") << QStringLiteral("tool_call") << QString() << QStringLiteral("tool_calls")
                                   << QStringLiteral(R"(get_weather({"city":"New York City"}))");
        QTest::newRow("refusal") << QStringLiteral("refusal")
                                 << QStringLiteral("I'm sorry, I can't assist with that request.")
                                 << QStringLiteral("stop") << QString();
        QTest::newRow("choice 0 of three") << QStringLiteral("three_choices")
                                           << QStringLiteral(R"({"city":"San Francisco","temperature":65,"units":"f"})")
                                           << QStringLiteral("stop") << QString();
        QTest::newRow("text with logprobs") << QStringLiteral("text_logprobs") << QStringLiteral("Foo!")
                                            << QStringLiteral("stop") << QString();
    }

    void recordings()
    {
        QFETCH(QString, name);
        QFETCH(QString, text);
        QFETCH(QString, finish);
        QFETCH(QString, tool);
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-replay:" + name.toStdString()));
        const ts::ChatResponse& response = r.result.response;
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(response.text, text.toStdString());
        QCOMPARE(r.streamed, text.toStdString());
        QCOMPARE(response.finishReason, finish.toStdString());
        QString tools;
        for (const ts::ToolCall& call : response.toolCalls)
            tools += QString::fromStdString(call.name + "(" + call.arguments + ")");
        QCOMPARE(tools, tool);
        QVERIFY(response.usage.reported);
    }

    void secretsRedacted()
    {
        MockOpenAIServer server;
        ts::OpenAICompatConfig config = configFor(server);
        config.extraHeaders = {{"OpenAI-Organization", "org-mock"}, {"api-key", "azure-secret"}};
        const ts::Exchange exchange = run(config, chat("mock-usage")).result.exchange;
        QCOMPARE(server.lastRequest().header("authorization"), "Bearer " + kKey);
        QCOMPARE(server.lastRequest().header("api-key"), std::string("azure-secret"));
        const auto sent = [&](const std::string& name) { return ts::net::headerValue(exchange.requestHeaders, name); };
        QCOMPARE(sent("Authorization"), std::string("<redacted>"));
        QCOMPARE(sent("api-key"), std::string("<redacted>"));
        QCOMPARE(sent("OpenAI-Organization"), std::string("org-mock"));
        for (const auto& [header, value] : exchange.requestHeaders)
            QVERIFY2(!contains(value, kKey) && !contains(value, "azure-secret"), header.c_str());
        QVERIFY(!contains(exchange.requestBody, kKey));
    }

    void arrivalTimes()
    {
        MockOpenAIServer server;
        server.setDripDelay(5ms);
        const Run r = run(configFor(server), chat("mock-drip"));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(r.textTimes.size(), size_t(mock::kDripPieces));
        ts::Nanos previous = res.startedAt;
        for (const ts::Exchange::Chunk& chunk : res.exchange.chunks) {
            QVERIFY(chunk.at >= previous);
            previous = chunk.at;
        }
        QVERIFY(previous <= res.finishedAt);
        QCOMPARE(res.firstChunkAt.value_or(0), r.textTimes.front());
        // The server paused 5 ms before each of 100 chunks: the times are arrivals, not one stamp.
        QVERIFY(r.textTimes.back() - r.textTimes.front() >= 400 * ts::kNsPerMs);
    }

    void nonStreaming()
    {
        MockOpenAIServer server;
        const Run r = run(configFor(server), chat("mock-usage", false));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        const json sent = server.lastRequest().json();
        QCOMPARE(sent.at("stream").get<bool>(), false);
        QVERIFY(!sent.contains("stream_options"));
        QCOMPARE(server.lastRequest().header("accept"), std::string("application/json"));
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(r.textTimes.size(), size_t(1));
        QCOMPARE(res.response.finishReason, std::string("stop"));
        QCOMPARE(res.response.model, "mock-usage" + std::string(mock::kModelSuffix));
        verifyMockUsage(res.response.usage);
        QVERIFY(res.exchange.chunks.empty());
        QVERIFY(contains(res.exchange.responseBody, R"("object":"chat.completion")"));
        QCOMPARE(res.chunkCount, 1);
    }

    void configErrors_data()
    {
        QTest::addColumn<bool>("goodUrl");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("toolParameters");
        QTest::newRow("no model") << true << QString() << QString();
        QTest::newRow("base URL without scheme") << false << QStringLiteral("mock-usage") << QString();
        QTest::newRow("tool parameters not JSON") << true << QStringLiteral("mock-usage") << QStringLiteral("{nope");
    }

    void configErrors()
    {
        QFETCH(bool, goodUrl);
        QFETCH(QString, model);
        QFETCH(QString, toolParameters);
        MockOpenAIServer server;
        ts::OpenAICompatConfig config = configFor(server);
        if (!goodUrl)
            config.baseUrl = "127.0.0.1:" + std::to_string(server.port()) + "/v1";
        ts::ChatRequest request = chat(model.toStdString());
        if (!toolParameters.isEmpty())
            request.tools = {{"broken", "", toolParameters.toStdString()}};
        const ts::CallResult result = run(config, request).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Config);
        QVERIFY(!result.error.message.empty());
        QCOMPARE(server.requestCount(), 0);
    }

    void curlCommandFormat()
    {
        ts::Exchange exchange;
        exchange.url = "https://api.openai.com/v1/chat/completions";
        exchange.requestHeaders = {{"Content-Type", "application/json"},
                                   {"Authorization", "<redacted>"},
                                   {"x-api-key", "<redacted>"}};
        exchange.requestBody = "{\"messages\":[{\"role\":\"user\",\"content\":\"it's\"}],\"stream\":false}";
        QCOMPARE(ts::curlCommand(exchange),
                 std::string("curl 'https://api.openai.com/v1/chat/completions' \\\n"
                             "  -H 'Content-Type: application/json' \\\n"
                             "  -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n"
                             "  -H \"x-api-key: $ANTHROPIC_API_KEY\" \\\n"
                             "  --data-raw '{\"messages\":[{\"role\":\"user\",\"content\":\"it'\\''s\"}],"
                             "\"stream\":false}'"));
        exchange.requestBody = R"({"stream":true})";
        QVERIFY(contains(ts::curlCommand(exchange), "--no-buffer"));
        exchange.method = "GET";
        exchange.requestHeaders.clear();
        exchange.requestBody.clear();
        QCOMPARE(ts::curlCommand(exchange), std::string("curl 'https://api.openai.com/v1/chat/completions'"));
        exchange.method = "DELETE";
        QCOMPARE(ts::curlCommand(exchange), std::string("curl -X DELETE 'https://api.openai.com/v1/chat/completions'"));
    }

    // The command copied from a real exchange, run by a shell with the key in its environment,
    // sends the same request again.
    void curlCommandRuns()
    {
        MockOpenAIServer server;
        server.setApiKey(kKey);
        ts::ChatRequest request = chat("mock-usage");
        request.messages.push_back({ts::Role::User, "It's \"quoted\" and $HOME stays literal; `ls`"});
        const ts::Exchange exchange = run(configFor(server), request).result.exchange;
        const std::string command = ts::curlCommand(exchange);
        QVERIFY(command.starts_with("curl '" + server.baseUrl() + "/chat/completions'"));
        QVERIFY(contains(command, R"(-H "Authorization: Bearer $OPENAI_API_KEY")"));
        QVERIFY(contains(command, "--no-buffer"));
        QVERIFY(!contains(command, kKey));

        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
        if (curl.isEmpty() || bash.isEmpty())
            QSKIP("no curl or bash on this machine to run the command");
        QProcess shell;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromStdString(kKey));
        env.remove(QStringLiteral("http_proxy"));
        shell.setProcessEnvironment(env);
        shell.start(bash, {QStringLiteral("-c"), QString::fromStdString(command + " --silent --show-error")});
        QVERIFY(shell.waitForFinished(30000));
        const QByteArray output = shell.readAllStandardOutput();
        QCOMPARE(shell.exitCode(), 0);
        QVERIFY2(output.contains("data: [DONE]"), output.constData());
        QCOMPARE(server.lastRequest().body, exchange.requestBody);
        QCOMPARE(server.requestCount(), 2);
    }
};

QTEST_APPLESS_MAIN(TestOpenAIProvider)
#include "test_openai_provider.moc"
