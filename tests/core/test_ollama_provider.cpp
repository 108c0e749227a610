// The Ollama native provider and embedder over real HTTP on loopback: what they send, the NDJSON
// streams they read (generated and recorded), and every fault the mock server can stage.
#include "mock_ollama_scenarios.h"
#include "mock_ollama_server.h"
#include "providers/error_category.h"
#include "providers/ollama_embedder.h"
#include "providers/ollama_provider.h"
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
using ts::test::MockOllamaServer;
namespace mock = ts::test::ollama_mock;

Q_DECLARE_METATYPE(ErrorCategory)

namespace {

const std::string kText(mock::kText);

ts::OllamaConfig configFor(const MockOllamaServer& server)
{
    ts::OllamaConfig config;
    config.baseUrl = server.baseUrl();
    config.models = {"llama3.2"};
    return config;
}

ts::ChatRequest chat(const std::string& model, bool stream = true)
{
    ts::ChatRequest request;
    request.provider = "ollama";
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
Run run(const ts::OllamaConfig& config, const ts::ChatRequest& request,
        const ts::CancelToken* cancel = nullptr, const std::function<bool(int)>& keepGoing = {})
{
    Run out;
    ts::OllamaProvider provider(config);
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

std::optional<double> attribute(const ts::CallResult& result, const std::string& name)
{
    const auto it = result.attributes.find(name);
    if (it == result.attributes.end() || !std::holds_alternative<double>(it->second))
        return std::nullopt;
    return std::get<double>(it->second);
}

// The mock's final line: the counts, and the nanosecond durations as milliseconds.
void verifyMockMetrics(const ts::CallResult& result)
{
    const ts::Usage& usage = result.response.usage;
    QVERIFY(usage.reported);
    QCOMPARE(usage.inputTokens, mock::kPromptEvalCount);
    QCOMPARE(usage.outputTokens, mock::kEvalCount);
    QCOMPARE(usage.cacheReadTokens, std::int64_t{0});
    QCOMPARE(attribute(result, "tokenscope.ollama.total_duration_ms").value_or(-1), 4883.583458);
    QCOMPARE(attribute(result, "tokenscope.ollama.load_duration_ms").value_or(-1), 1.334875);
    QCOMPARE(attribute(result, "tokenscope.ollama.prompt_eval_duration_ms").value_or(-1), 342.546);
    QCOMPARE(attribute(result, "tokenscope.ollama.eval_duration_ms").value_or(-1), 4535.599);
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

} // namespace

class TestOllamaProvider : public QObject
{
    Q_OBJECT

  private slots:
    void textStream()
    {
        MockOllamaServer server;
        const Run r = run(configFor(server), chat("llama3.2"));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(res.response.finishReason, std::string("stop"));
        QCOMPARE(res.response.model, std::string("llama3.2"));
        QVERIFY(res.response.toolCalls.empty());
        verifyMockMetrics(res);
        QCOMPARE(res.chunkCount, static_cast<int>(mock::kTextPieces.size()));
        QCOMPARE(res.exchange.httpStatus, 200);
        QCOMPARE(ts::net::headerValue(res.exchange.responseHeaders, "content-type"),
                 std::string("application/x-ndjson"));
        // One chunk per line: the text lines, then the done:true line.
        QCOMPARE(res.exchange.chunks.size(), mock::kTextPieces.size() + 1);
        QVERIFY(res.exchange.chunks.front().data.starts_with("{\"model\":\"llama3.2\",\"created_at\":"));
        QVERIFY(contains(res.exchange.chunks.back().data, "\"done_reason\":\"stop\",\"done\":true"));
        QVERIFY(res.exchange.responseBody.empty());
        QCOMPARE(res.firstChunkAt.value_or(0), r.textTimes.front());
        QVERIFY(res.startedAt <= *res.firstChunkAt && *res.firstChunkAt <= res.finishedAt);
    }

    void requestOnTheWire()
    {
        MockOllamaServer server;
        ts::ChatRequest request = chat("llama3.2");
        request.temperature = 0.25;
        request.topP = 0.5;
        request.seed = 101;
        request.maxTokens = 256;
        request.tools = {{"get_weather", "Get the weather in a given city",
                          json{{"type", "object"}, {"properties", {{"city", {{"type", "string"}}}}}}.dump()}};
        request.messages.push_back(
            {ts::Role::Assistant, "", {{"call_1", "get_weather", json{{"city", "Toronto"}}.dump()}}, {}, {}});
        request.messages.push_back({ts::Role::Tool, "11 degrees celsius", {}, "call_1", {}});
        request.messages.push_back({ts::Role::User, "Thanks."});
        const Run r = run(configFor(server), request);
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());

        const ts::test::RecordedRequest sent = server.lastRequest();
        QCOMPARE(sent.method, std::string("POST"));
        QCOMPARE(sent.path, std::string("/api/chat"));
        QCOMPARE(sent.header("content-type"), std::string("application/json"));
        QCOMPARE(sent.header("accept"), std::string("application/x-ndjson"));
        QVERIFY(sent.header("authorization").empty());
        const json toolCall{{"id", "call_1"},
                            {"function", {{"name", "get_weather"}, {"arguments", {{"city", "Toronto"}}}}}};
        const json expected{
            {"model", "llama3.2"},
            {"messages",
             {{{"role", "system"}, {"content", "Be brief."}},
              {{"role", "user"}, {"content", "Say hello."}},
              {{"role", "assistant"}, {"content", ""}, {"tool_calls", {toolCall}}},
              // The tool's name comes from the call the result answers.
              {{"role", "tool"},
               {"content", "11 degrees celsius"},
               {"tool_name", "get_weather"},
               {"tool_call_id", "call_1"}},
              {{"role", "user"}, {"content", "Thanks."}}}},
            {"tools",
             {{{"type", "function"},
               {"function",
                {{"name", "get_weather"},
                 {"description", "Get the weather in a given city"},
                 {"parameters", {{"type", "object"}, {"properties", {{"city", {{"type", "string"}}}}}}}}}}}},
            {"options", {{"temperature", 0.25}, {"top_p", 0.5}, {"seed", 101}, {"num_predict", 256}}},
            {"stream", true}};
        QCOMPARE(sent.json().dump(2), expected.dump(2));
    }

    void imagesOnTheWire()
    {
        MockOllamaServer server;
        ts::ChatRequest request = chat("llava");
        request.messages[1].images = {{"image/png", "iVBORw0KGgo=", ""}, {"image/jpeg", "/9j/4AAQ", ""}};
        QVERIFY(run(configFor(server), request).result.ok());
        const json message = server.lastRequest().json()["messages"][1];
        QCOMPARE(message.dump(),
                 json({{"role", "user"}, {"content", "Say hello."}, {"images", {"iVBORw0KGgo=", "/9j/4AAQ"}}})
                     .dump());
        QVERIFY(!server.lastRequest().json().contains("options")); // nothing asked, nothing sent
    }

    void structuredOutput()
    {
        MockOllamaServer server;
        ts::ChatRequest request = chat("llama3.1");
        const json schema{
            {"type", "object"},
            {"properties", {{"age", {{"type", "integer"}}}, {"available", {{"type", "boolean"}}}}},
            {"required", {"age", "available"}}};
        request.responseFormat = {ts::ResponseFormat::Type::JsonSchema, "answer", schema.dump(), true};
        QVERIFY(run(configFor(server), request).result.ok());
        QCOMPARE(server.lastRequest().json()["format"].dump(), schema.dump());

        request.responseFormat = {ts::ResponseFormat::Type::JsonObject, {}, {}, true};
        QVERIFY(run(configFor(server), request).result.ok());
        QCOMPARE(server.lastRequest().json()["format"].dump(), std::string("\"json\""));

        request.responseFormat = {};
        QVERIFY(run(configFor(server), request).result.ok());
        QVERIFY(!server.lastRequest().json().contains("format"));
    }

    void toolCalls_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("calls"); // id:name(arguments) of each call
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("output");
        QTest::newRow("docs example")
            << QStringLiteral("llama-tools") << QString()
            << QStringLiteral(":get_weather({\"city\":\"Tokyo\"})") << qint64(169) << qint64(15);
        QTest::newRow("text, then two calls with ids")
            << QStringLiteral("llama-replay:parallel_tool_calls") << QStringLiteral("Let me check both.")
            << QStringLiteral("call_8p3k2x1v:get_weather({\"city\":\"Paris\",\"unit\":\"celsius\"})"
                              "call_q7m4z9rd:get_weather({\"city\":\"Tokyo\",\"unit\":\"celsius\"})")
            << qint64(211) << qint64(58);
    }

    void toolCalls()
    {
        QFETCH(QString, model);
        QFETCH(QString, text);
        QFETCH(QString, calls);
        QFETCH(qint64, input);
        QFETCH(qint64, output);
        MockOllamaServer server;
        const Run r = run(configFor(server), chat(model.toStdString()));
        const ts::ChatResponse& response = r.result.response;
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(response.text, text.toStdString());
        QCOMPARE(r.streamed, text.toStdString());
        QString got;
        for (const ts::ToolCall& call : response.toolCalls)
            got += QString::fromStdString(call.id + ":" + call.name + "(" + call.arguments + ")");
        QCOMPARE(got, calls);
        QCOMPARE(response.finishReason, std::string("tool_calls")); // done_reason says "stop"
        QCOMPARE(response.usage.inputTokens, static_cast<std::int64_t>(input));
        QCOMPARE(response.usage.outputTokens, static_cast<std::int64_t>(output));
        // A call is answer content: the first chunk is the first line that carried text or a call.
        QVERIFY(r.result.firstChunkAt.has_value());
        QCOMPARE(*r.result.firstChunkAt, r.result.exchange.chunks.front().at);
        QCOMPARE(response.asMessage().toolCalls, response.toolCalls);
    }

    void thinking_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed") << true;
        QTest::newRow("whole reply") << false;
    }

    void thinking()
    {
        QFETCH(bool, stream);
        MockOllamaServer server;
        const Run r = run(configFor(server), chat("llama-thinking", stream));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.text, kText); // the thinking is not the answer
        QCOMPARE(r.streamed, kText);
        QCOMPARE(res.firstChunkAt.value_or(0), r.textTimes.front());
        std::size_t chars = 0;
        for (const std::string& piece : mock::kThinkingPieces)
            chars += piece.size();
        const auto it = res.attributes.find("tokenscope.response.thinking_chars");
        QVERIFY(it != res.attributes.end());
        QCOMPARE(std::get<std::int64_t>(it->second), static_cast<std::int64_t>(chars));
        const int chunks =
            stream ? static_cast<int>(mock::kThinkingPieces.size() + mock::kTextPieces.size()) : 1;
        QCOMPARE(res.chunkCount, chunks);
        verifyMockMetrics(res);
    }

    void absentFieldsTolerated_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed") << true;
        QTest::newRow("whole reply") << false;
    }

    // No created_at, no done_reason, no counts, no durations; the last piece rides on done:true.
    void absentFieldsTolerated()
    {
        QFETCH(bool, stream);
        MockOllamaServer server;
        const Run r = run(configFor(server), chat("llama-sparse", stream));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(res.response.finishReason, std::string("stop"));
        QVERIFY(!res.response.usage.reported); // Tokenscope estimates it instead
        QCOMPARE(res.response.usage.inputTokens, std::int64_t{0});
        QVERIFY(res.attributes.empty());
        QCOMPARE(res.chunkCount, stream ? static_cast<int>(mock::kTextPieces.size()) : 1);
    }

    void lengthLimit()
    {
        MockOllamaServer server;
        const Run r = run(configFor(server), chat("llama-length"));
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(r.result.response.finishReason, std::string("length"));
    }

    void nonStreaming()
    {
        MockOllamaServer server;
        const Run r = run(configFor(server), chat("llama3.2", false));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(server.lastRequest().json().at("stream").get<bool>(), false);
        QCOMPARE(server.lastRequest().header("accept"), std::string("application/json"));
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(r.textTimes.size(), std::size_t{1});
        QCOMPARE(res.response.finishReason, std::string("stop"));
        verifyMockMetrics(res);
        QVERIFY(res.exchange.chunks.empty());
        QVERIFY(contains(res.exchange.responseBody, "\"done\":true"));
        QCOMPARE(res.chunkCount, 1);
        QCOMPARE(res.firstChunkAt.value_or(0), res.finishedAt);
    }

    void errorLineInStream()
    {
        MockOllamaServer server;
        const Run r = run(configFor(server), chat("llama-error-in-stream"));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Stream);
        QCOMPARE(error.message, std::string(mock::kRunnerError));
        QCOMPARE(ts::categorize(error), ErrorCategory::Server);
        QVERIFY(error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,"));
        QCOMPARE(r.streamed, std::string("Hello,"));
        QCOMPARE(r.result.exchange.httpStatus, 200);
        QCOMPARE(r.result.exchange.chunks.back().data,
                 "{\"error\":\"" + std::string(mock::kRunnerError) + "\"}");
    }

    void malformedLine()
    {
        MockOllamaServer server;
        const Run r = run(configFor(server), chat("llama-truncated-json"));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Stream);
        QVERIFY2(error.message.starts_with("malformed line: {\"model\":\"llama-truncated-json\""),
                 error.message.c_str());
        QCOMPARE(ts::categorize(error), ErrorCategory::MalformedStream);
        QVERIFY(!error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,")); // nothing after the bad line is read
        QCOMPARE(r.streamed, std::string("Hello,"));
    }

    void httpErrors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<qint64>("retryAfterMs"); // -1: none
        QTest::addColumn<ErrorCategory>("category");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("404 model not pulled")
            << QStringLiteral("missing-llama9") << 404
            << QStringLiteral("model \"missing-llama9\" not found, try pulling it first") << qint64(-1)
            << ErrorCategory::BadRequest << false;
        QTest::newRow("503 server busy")
            << QStringLiteral("llama-busy") << 503 << QString::fromUtf8(mock::kBusy.data()) << qint64(-1)
            << ErrorCategory::Overloaded << true;
        QTest::newRow("429 rate limited") << QStringLiteral("llama-rate-limited") << 429
                                          << QStringLiteral("too many requests, please retry later")
                                          << qint64(2000) << ErrorCategory::RateLimited << true;
        QTest::newRow("500 runner crashed")
            << QStringLiteral("llama-crash") << 500
            << QStringLiteral("llama runner process has terminated: exit status 2") << qint64(-1)
            << ErrorCategory::Server << true;
    }

    void httpErrors()
    {
        QFETCH(QString, model);
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(qint64, retryAfterMs);
        QFETCH(ErrorCategory, category);
        QFETCH(bool, retryable);
        MockOllamaServer server;
        const Run r = run(configFor(server), chat(model.toStdString()));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Http);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.message, message.toStdString());
        QCOMPARE(error.retryAfterMs.value_or(-1), static_cast<std::int64_t>(retryAfterMs));
        QCOMPARE(ts::categorize(error), category);
        QCOMPARE(error.retryable(), retryable);
        QCOMPARE(r.result.exchange.httpStatus, status);
        QVERIFY(contains(r.result.exchange.responseBody, "{\"error\":"));
        QVERIFY(r.result.exchange.chunks.empty());
        QVERIFY(r.streamed.empty());
        QVERIFY(!r.result.firstChunkAt);
    }

    void disconnectMidStream()
    {
        MockOllamaServer server;
        const Run r = run(configFor(server), chat("llama-disconnect"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Network);
        QVERIFY2(r.result.error.message.starts_with("stream ended before done:true"),
                 r.result.error.message.c_str());
        QCOMPARE(ts::categorize(r.result.error), ErrorCategory::Network);
        QVERIFY(r.result.error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello, world"));
        QCOMPARE(r.streamed, std::string("Hello, world"));
        QVERIFY(!r.result.response.usage.reported);
        QVERIFY(r.result.response.finishReason.empty());
    }

    void cleanCloseWithoutDone()
    {
        MockOllamaServer server;
        const Run r = run(configFor(server), chat("llama-no-done"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Network);
        QCOMPARE(r.result.error.message, std::string("stream ended before done:true"));
        QCOMPARE(r.result.response.text, kText); // everything that arrived is kept
        QCOMPARE(r.result.exchange.chunks.size(), mock::kTextPieces.size());
    }

    void idleTimeout()
    {
        MockOllamaServer server;
        ts::OllamaConfig config = configFor(server);
        config.idleTimeout = 1000ms;
        const Run r = run(config, chat("llama-stall"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Timeout);
        QVERIFY2(r.result.error.message.starts_with("stream ended before done:true: "),
                 r.result.error.message.c_str());
        QCOMPARE(ts::categorize(r.result.error), ErrorCategory::Timeout);
        QVERIFY(r.result.error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,"));
    }

    // The stop button: another thread cancels while lines drip in.
    void cancelMidStream()
    {
        MockOllamaServer server;
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
        const Run r = run(configFor(server), chat("llama-drip"), &token, [&](int n) {
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
        MockOllamaServer server;
        server.setDripDelay(5ms);
        const Run r = run(configFor(server), chat("llama-drip"), nullptr, [](int n) { return n < 2; });
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Cancelled);
        QCOMPARE(r.result.error.message, std::string("stopped by the user"));
        QCOMPARE(ts::categorize(r.result.error), ErrorCategory::Cancelled);
        QCOMPARE(r.result.response.text, dripText(2));
        QCOMPARE(r.streamed, dripText(2));
    }

    void arrivalTimes()
    {
        MockOllamaServer server;
        server.setDripDelay(5ms);
        const Run r = run(configFor(server), chat("llama-drip"));
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
        // The server paused 5 ms before each line: the times are arrivals, not one stamp.
        QVERIFY(r.textTimes.back() - r.textTimes.front() >= 400 * ts::kNsPerMs);
    }

    // A server behind an authenticating proxy: the key goes as a bearer token, never into the record.
    void keyRedacted()
    {
        MockOllamaServer server;
        ts::OllamaConfig config = configFor(server);
        config.apiKey = "ollama-secret-0123";
        config.extraHeaders = {{"X-Team", "search"}};
        const ts::Exchange exchange = run(config, chat("llama3.2")).result.exchange;
        QCOMPARE(server.lastRequest().header("authorization"), std::string("Bearer ollama-secret-0123"));
        QCOMPARE(server.lastRequest().header("x-team"), std::string("search"));
        QCOMPARE(ts::net::headerValue(exchange.requestHeaders, "Authorization"), std::string("<redacted>"));
        QCOMPARE(ts::net::headerValue(exchange.requestHeaders, "X-Team"), std::string("search"));
        for (const auto& [header, value] : exchange.requestHeaders)
            QVERIFY2(!contains(value, "ollama-secret"), header.c_str());
        QCOMPARE(exchange.url, server.baseUrl() + "/api/chat");
    }

    void configErrors_data()
    {
        QTest::addColumn<bool>("goodUrl");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("toolParameters");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("imageUrl");
        QTest::newRow("no model") << true << QString() << QString() << QString() << QString();
        QTest::newRow("base URL without scheme")
            << false << QStringLiteral("llama3.2") << QString() << QString() << QString();
        QTest::newRow("tool parameters not JSON")
            << true << QStringLiteral("llama3.2") << QStringLiteral("{nope") << QString() << QString();
        QTest::newRow("response schema not JSON")
            << true << QStringLiteral("llama3.2") << QString() << QStringLiteral("{nope") << QString();
        QTest::newRow("image by URL") << true << QStringLiteral("llava") << QString() << QString()
                                      << QStringLiteral("https://example.com/cat.jpg");
    }

    void configErrors()
    {
        QFETCH(bool, goodUrl);
        QFETCH(QString, model);
        QFETCH(QString, toolParameters);
        QFETCH(QString, schema);
        QFETCH(QString, imageUrl);
        MockOllamaServer server;
        ts::OllamaConfig config = configFor(server);
        if (!goodUrl)
            config.baseUrl = server.baseUrl().substr(std::string("http://").size());
        ts::ChatRequest request = chat(model.toStdString());
        if (!toolParameters.isEmpty())
            request.tools = {{"broken", "", toolParameters.toStdString()}};
        if (!schema.isEmpty())
            request.responseFormat = {ts::ResponseFormat::Type::JsonSchema, "answer", schema.toStdString(),
                                      true};
        if (!imageUrl.isEmpty())
            request.messages[1].images = {{"image/jpeg", "", imageUrl.toStdString()}};
        const ts::CallResult result = run(config, request).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Config);
        QVERIFY(!result.error.message.empty());
        QCOMPARE(server.requestCount(), 0);
    }

    void connectRefused()
    {
        ts::test::RefusedPort refused;
        ts::OllamaConfig config;
        config.baseUrl = "http://127.0.0.1:" + std::to_string(refused.port()) + "/";
        const ts::CallResult result = run(config, chat("llama3.2")).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Network);
        QCOMPARE(ts::categorize(result.error), ErrorCategory::Network);
        QVERIFY(result.error.retryable());
        QCOMPARE(result.exchange.url, "http://127.0.0.1:" + std::to_string(refused.port()) + "/api/chat");
        QCOMPARE(result.exchange.httpStatus, 0);
    }

    void providerIdentity()
    {
        ts::OllamaConfig config;
        config.models = {"llama3.2", "qwen3:8b"};
        const ts::OllamaProvider provider(config);
        QCOMPARE(provider.id(), std::string("ollama"));
        QCOMPARE(provider.otelName(), std::string("ollama"));
        QCOMPARE(provider.models().size(), std::size_t{2});
        QCOMPARE(provider.config().baseUrl, std::string("http://127.0.0.1:11434"));
        QVERIFY(provider.config().apiKey.empty());
    }

    void embeddings()
    {
        MockOllamaServer server;
        ts::OllamaEmbedderConfig config;
        config.baseUrl = server.baseUrl();
        config.model = "all-minilm";
        ts::OllamaEmbedder embedder(config);
        QCOMPARE(embedder.id(), std::string("ollama:all-minilm"));
        const std::vector<std::string> texts{"Why is the sky blue?", "Why is the grass green?", ""};
        const auto answer = embedder.embed(texts);
        QVERIFY(std::holds_alternative<ts::Embeddings>(answer));
        const ts::Embeddings& e = std::get<ts::Embeddings>(answer);
        QCOMPARE(e.model, std::string("all-minilm"));
        QCOMPARE(e.vectors.size(), texts.size());
        for (std::size_t i = 0; i < texts.size(); ++i)
            QVERIFY2(e.vectors[i] == mock::embeddingFor(texts[i]), texts[i].c_str()); // in input order
        QCOMPARE(e.inputTokens, mock::embedTokens(texts));

        const ts::test::RecordedRequest sent = server.lastRequest();
        QCOMPARE(sent.path, std::string("/api/embed"));
        QCOMPARE(sent.json().dump(), json({{"model", "all-minilm"}, {"input", texts}}).dump());
    }

    void embeddingsOfNothingSendNothing()
    {
        MockOllamaServer server;
        ts::OllamaEmbedderConfig config;
        config.baseUrl = server.baseUrl();
        const auto answer = ts::OllamaEmbedder(config).embed({});
        QVERIFY(std::holds_alternative<ts::Embeddings>(answer));
        QVERIFY(std::get<ts::Embeddings>(answer).vectors.empty());
        QCOMPARE(server.requestCount(), 0);
    }

    void embeddingErrors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("refused");
        QTest::addColumn<ErrorCategory>("category");
        QTest::newRow("model not pulled")
            << QStringLiteral("missing-embed") << false << ErrorCategory::BadRequest;
        QTest::newRow("server busy") << QStringLiteral("llama-busy") << false << ErrorCategory::Overloaded;
        QTest::newRow("rate limited")
            << QStringLiteral("llama-rate-limited") << false << ErrorCategory::RateLimited;
        QTest::newRow("connection refused") << QStringLiteral("all-minilm") << true << ErrorCategory::Network;
    }

    void embeddingErrors()
    {
        QFETCH(QString, model);
        QFETCH(bool, refused);
        QFETCH(ErrorCategory, category);
        MockOllamaServer server;
        ts::test::RefusedPort closed;
        ts::OllamaEmbedderConfig config;
        config.baseUrl = refused ? "http://127.0.0.1:" + std::to_string(closed.port()) : server.baseUrl();
        config.model = model.toStdString();
        const auto answer = ts::OllamaEmbedder(config).embed({"hello"});
        QVERIFY(std::holds_alternative<ProviderError>(answer));
        const ProviderError& error = std::get<ProviderError>(answer);
        QCOMPARE(ts::categorize(error), category);
        QVERIFY(!error.message.empty());
        if (category == ErrorCategory::RateLimited)
            QCOMPARE(error.retryAfterMs.value_or(-1), std::int64_t{2000});
    }
};

QTEST_GUILESS_MAIN(TestOllamaProvider)
#include "test_ollama_provider.moc"
