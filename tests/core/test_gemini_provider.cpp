// The Gemini provider over real HTTP on loopback: what it sends, the SSE streams it reads (generated
// and stored), and every fault the mock server can stage.
#include "mock_gemini_checks.h"
#include "mock_gemini_scenarios.h"
#include "mock_gemini_server.h"
#include "providers/error_category.h"
#include "providers/gemini_provider.h"
#include "providers/gemini_reply.h"
#include "providers/gemini_wire.h"
#include "providers/secret_headers.h"
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
using ts::test::MockGeminiServer;
namespace mock = ts::test::gemini_mock;

Q_DECLARE_METATYPE(ErrorCategory)

namespace {

const std::string kKey = "AIzaSyMock-0123456789abcdefghijklmnopq";
const std::string kText(mock::kText);

ts::GeminiConfig configFor(const MockGeminiServer& server)
{
    ts::GeminiConfig config;
    config.baseUrl = server.baseUrl();
    config.apiKey = kKey;
    config.models = {"gemini-2.5-flash"};
    return config;
}

ts::ChatRequest chat(const std::string& model, bool stream = true)
{
    ts::ChatRequest request;
    request.provider = "gemini";
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
Run run(const ts::GeminiConfig& config, const ts::ChatRequest& request,
        const ts::CancelToken* cancel = nullptr, const std::function<bool(int)>& keepGoing = {})
{
    Run out;
    ts::GeminiProvider provider(config);
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

// The mock's last usageMetadata in Tokenscope's convention: thoughts are output, cached is input.
void verifyMockUsage(const ts::Usage& usage)
{
    QVERIFY(usage.reported);
    QCOMPARE(usage.inputTokens, mock::kPromptTokens);
    QCOMPARE(usage.cacheReadTokens, mock::kCachedTokens);
    QCOMPARE(usage.outputTokens, mock::kCandidatesTokens + mock::kThoughtsTokens);
    QCOMPARE(usage.reasoningTokens, mock::kThoughtsTokens);
    QCOMPARE(usage.totalTokens(), mock::kPromptTokens + mock::kCandidatesTokens + mock::kThoughtsTokens);
}

std::string stringAttribute(const ts::CallResult& result, const std::string& name)
{
    const auto it = result.attributes.find(name);
    return it != result.attributes.end() && std::holds_alternative<std::string>(it->second)
               ? std::get<std::string>(it->second)
               : std::string();
}

std::string dripText(int pieces)
{
    std::string text;
    for (int i = 0; i < pieces; ++i)
        text += "w" + std::to_string(i) + " ";
    return text;
}

// The conversation after `reply`: its calls as the assistant's turn, then a result for each, by name.
ts::ChatRequest continued(ts::ChatRequest request, const ts::ChatResponse& reply)
{
    request.messages.push_back({ts::Role::Assistant, reply.text, reply.toolCalls, {}, {}});
    for (const ts::ToolCall& call : reply.toolCalls)
        request.messages.push_back({ts::Role::Tool, json{{"temp_c", 21}}.dump(), {}, call.id, call.name});
    return request;
}

// The parts of the request's first model turn, as sent.
json modelParts(const ts::test::RecordedRequest& sent)
{
    const json body = sent.json();
    for (const json& content : body["contents"])
        if (content["role"] == "model")
            return content["parts"];
    return json::array();
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

class TestGeminiProvider : public QObject
{
    Q_OBJECT

  private slots:
    void textStream()
    {
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat("gemini-2.5-flash"));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(res.response.finishReason, std::string("stop"));
        QCOMPARE(stringAttribute(res, "tokenscope.gemini.finish_reason"), std::string("STOP"));
        QCOMPARE(res.response.id, std::string(mock::kResponseId));
        QCOMPARE(res.response.model, std::string("gemini-2.5-flash"));
        QVERIFY(res.response.toolCalls.empty());
        verifyMockUsage(res.response.usage); // the last chunk's, not the partial ones before it
        QCOMPARE(res.chunkCount, static_cast<int>(mock::kTextPieces.size()));
        QCOMPARE(res.exchange.httpStatus, 200);
        QCOMPARE(res.exchange.chunks.size(), mock::kTextPieces.size());
        QVERIFY(res.exchange.chunks.front().data.starts_with("{\"candidates\":"));
        QVERIFY(res.exchange.responseBody.empty());
        QCOMPARE(res.exchange.url,
                 server.baseUrl() + "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
        QCOMPARE(res.firstChunkAt.value_or(0), r.textTimes.front());
        QVERIFY(res.startedAt <= *res.firstChunkAt && *res.firstChunkAt <= res.finishedAt);
    }

    void requestOnTheWire()
    {
        MockGeminiServer server(kKey);
        ts::ChatRequest request = chat("gemini-2.5-flash");
        request.temperature = 0.25;
        request.topP = 0.5;
        request.maxTokens = 256;
        request.seed = 7;
        const json parameters{{"type", "object"},
                              {"properties", {{"city", {{"type", "string"}}}}},
                              {"additionalProperties", false}};
        request.tools = {{"get_weather", "Weather for a city", parameters.dump()}};
        request.messages.push_back(
            {ts::Role::Assistant, "", {{"call_1", "get_weather", json{{"city", "Paris"}}.dump()}}, {}, {}});
        request.messages.push_back({ts::Role::Tool, json{{"temp_c", 21}}.dump(), {}, "call_1", {}});
        request.messages.push_back({ts::Role::Tool, "sunny", {}, {}, "get_weather"});
        request.messages.push_back({ts::Role::User, "Thanks."});
        const Run r = run(configFor(server), request);
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());

        const ts::test::RecordedRequest sent = server.lastRequest();
        QCOMPARE(sent.method, std::string("POST"));
        QCOMPARE(sent.path, std::string("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"));
        QCOMPARE(sent.header("x-goog-api-key"), kKey);
        QCOMPARE(sent.header("content-type"), std::string("application/json"));
        QCOMPARE(sent.header("accept"), std::string("text/event-stream"));
        QVERIFY(sent.header("authorization").empty());
        const json call{
            {"functionCall", {{"name", "get_weather"}, {"args", {{"city", "Paris"}}}, {"id", "call_1"}}}};
        const json result{{"functionResponse",
                           {{"name", "get_weather"}, {"response", {{"temp_c", 21}}}, {"id", "call_1"}}}};
        // A result that is not a JSON object goes under "output"; a named result needs no id.
        const json plain{
            {"functionResponse", {{"name", "get_weather"}, {"response", {{"output", "sunny"}}}}}};
        const json expected{
            {"contents",
             {{{"role", "user"}, {"parts", {{{"text", "Say hello."}}}}},
              {{"role", "model"}, {"parts", {call}}},
              // Tool results and the next user text share one user turn: roles must alternate.
              {{"role", "user"}, {"parts", {result, plain, {{"text", "Thanks."}}}}}}},
            {"systemInstruction", {{"parts", {{{"text", "Be brief."}}}}}},
            {"tools",
             {{{"functionDeclarations",
                {{{"name", "get_weather"},
                  {"description", "Weather for a city"},
                  {"parametersJsonSchema", parameters}}}}}}},
            {"generationConfig",
             {{"temperature", 0.25}, {"topP", 0.5}, {"maxOutputTokens", 256}, {"seed", 7}}}};
        QCOMPARE(sent.json().dump(2), expected.dump(2));
    }

    void imagesOnTheWire()
    {
        MockGeminiServer server(kKey);
        ts::ChatRequest request = chat("gemini-2.5-flash");
        request.messages[1].images = {
            {"image/png", "iVBORw0KGgo=", ""},
            {"application/pdf", "", "https://generativelanguage.googleapis.com/v1beta/files/abc"}};
        QVERIFY(run(configFor(server), request).result.ok());
        const json parts{{{"inlineData", {{"mimeType", "image/png"}, {"data", "iVBORw0KGgo="}}}},
                         {{"fileData",
                           {{"fileUri", "https://generativelanguage.googleapis.com/v1beta/files/abc"},
                            {"mimeType", "application/pdf"}}}},
                         {{"text", "Say hello."}}};
        QCOMPARE(server.lastRequest().json()["contents"][0]["parts"].dump(), parts.dump());
        QVERIFY(!server.lastRequest().json().contains("generationConfig")); // nothing asked, nothing sent
    }

    void structuredOutput()
    {
        MockGeminiServer server(kKey);
        ts::ChatRequest request = chat("gemini-2.5-flash");
        const json schema{{"type", "object"},
                          {"properties", {{"n", {{"type", "integer"}}}}},
                          {"required", {"n"}},
                          {"additionalProperties", false}};
        request.responseFormat = {ts::ResponseFormat::Type::JsonSchema, "answer", schema.dump(), true};
        QVERIFY(run(configFor(server), request).result.ok()); // the mock refuses unknown fields
        const json config{{"responseMimeType", "application/json"}, {"responseJsonSchema", schema}};
        QCOMPARE(server.lastRequest().json()["generationConfig"].dump(), config.dump());

        request.responseFormat = {ts::ResponseFormat::Type::JsonObject, {}, {}, true};
        QVERIFY(run(configFor(server), request).result.ok());
        QCOMPARE(server.lastRequest().json()["generationConfig"].dump(),
                 json({{"responseMimeType", "application/json"}}).dump());
    }

    // What makes structuredOutput() and requestOnTheWire() mean something: the mock refuses a body
    // the API would refuse.
    void mockRefusesWhatTheApiRefuses()
    {
        const json contents{{{"role", "user"}, {"parts", {{{"text", "hi"}}}}}};
        QVERIFY(!mock::rejection(
            {{"contents", contents}, {"generationConfig", {{"responseJsonSchema", json::object()}}}}));
        const auto unknown =
            mock::rejection({{"contents", contents}, {"generationConfig", {{"response_format", 1}}}});
        QVERIFY(unknown.has_value());
        QCOMPARE(unknown->status, 400);
        QVERIFY(contains(unknown->body, "response_format") &&
                contains(unknown->body, " at 'generation_config': Cannot find field."));
        QVERIFY(mock::rejection({{"contents", contents}, {"system", "Be brief."}}).has_value());
        QVERIFY(
            mock::rejection({{"contents", {{{"role", "assistant"}, {"parts", json::array()}}}}}).has_value());
        QVERIFY(mock::rejection({{"contents", json::array()}}).has_value());
    }

    void functionCalls_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("stored stream") << QStringLiteral("gemini-tools");
        QTest::newRow("replayed by name")
            << QStringLiteral("gemini-replay:function_calls"); // a ':' in the path
    }

    void functionCalls()
    {
        QFETCH(QString, model);
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat(model.toStdString()));
        const ts::ChatResponse& response = r.result.response;
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        QCOMPARE(server.lastModel(), model.toStdString());
        QCOMPARE(response.text, std::string("I'll look up the weather in both cities."));
        QCOMPARE(r.streamed, response.text);
        QCOMPARE(response.toolCalls.size(), std::size_t{2});
        QCOMPARE(response.toolCalls[0].name, std::string("get_weather"));
        QCOMPARE(response.toolCalls[0].arguments, json({{"city", "Paris"}}).dump());
        QCOMPARE(response.toolCalls[1].arguments, json({{"city", "Tokyo"}}).dump());
        QVERIFY(response.toolCalls[0].id.empty()); // the API names none
        QCOMPARE(response.toolCalls[0].signature,
                 std::string("CiQB0e2Kb7fZm1pTq4xX8oQm9uYvS3aW2rE5dL1cN6hG0jK7tBoSLgHR7YpvX2mQ=="));
        QVERIFY(response.toolCalls[1].signature.empty());           // a parallel call carries none
        QCOMPARE(response.finishReason, std::string("tool_calls")); // finishReason says STOP
        QCOMPARE(response.model, std::string("gemini-2.5-flash"));
        QCOMPARE(response.usage.inputTokens, std::int64_t{96});
        QCOMPARE(response.usage.outputTokens, std::int64_t{40 + 65});
        QCOMPARE(response.usage.reasoningTokens, std::int64_t{65});
        QCOMPARE(response.usage.totalTokens(), std::int64_t{201});
        QCOMPARE(r.result.chunkCount, 2);
        QCOMPARE(r.result.exchange.chunks.size(), std::size_t{2});
    }

    void signatureCaptured_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed") << true;
        QTest::newRow("whole reply") << false;
    }

    void signatureCaptured()
    {
        QFETCH(bool, stream);
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat("gemini-3-tools", stream));
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        const std::vector<ts::ToolCall>& calls = r.result.response.toolCalls;
        QCOMPARE(calls.size(), std::size_t{2});
        QCOMPARE(calls[0].signature, std::string(mock::kThoughtSignature));
        QVERIFY(calls[1].signature.empty());
        QCOMPARE(calls[1].arguments, json({{"city", "Tokyo"}}).dump());
        QCOMPARE(r.result.response.finishReason, std::string("tool_calls"));
    }

    // Gemini 3 refuses the next step unless the first call's part brings its signature back.
    void signatureSentBack()
    {
        MockGeminiServer server(kKey);
        const ts::ChatRequest first = chat("gemini-3-tools");
        const Run r = run(configFor(server), first);
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        const Run next = run(configFor(server), continued(first, r.result.response));
        QVERIFY2(next.result.ok(), next.result.error.message.c_str());
        QCOMPARE(server.requestCount(), 2);
        const json parts = modelParts(server.lastRequest());
        QCOMPARE(parts.size(), std::size_t{2});
        const json signedCall{{"functionCall", {{"name", "get_weather"}, {"args", {{"city", "Paris"}}}}},
                              {"thoughtSignature", mock::kThoughtSignature}};
        QCOMPARE(parts[0].dump(), signedCall.dump());
        QVERIFY(!parts[1].contains("thoughtSignature"));
    }

    void unsignedCallRefused()
    {
        MockGeminiServer server(kKey);
        const ts::ChatRequest first = chat("gemini-3-tools");
        ts::ChatResponse reply = run(configFor(server), first).result.response;
        QCOMPARE(reply.toolCalls.size(), std::size_t{2});
        reply.toolCalls[0].signature.clear();
        const Run next = run(configFor(server), continued(first, reply));
        const ProviderError& error = next.result.error;
        QCOMPARE(error.httpStatus, 400);
        QVERIFY2(error.message.starts_with("Function call is missing a thought_signature"),
                 error.message.c_str());
        QCOMPARE(ts::categorize(error), ErrorCategory::BadRequest);
        QVERIFY(!error.retryable());
        const json parts = modelParts(server.lastRequest());
        QCOMPARE(parts.size(), std::size_t{2});
        for (const json& part : parts)
            QVERIFY(!part.contains("thoughtSignature")); // none known, none sent
    }

    // Earlier models send no signature: the part goes back without the field.
    void noSignatureNoField()
    {
        MockGeminiServer server(kKey);
        ts::ChatRequest request = chat("gemini-2.5-flash");
        request =
            continued(request, {.toolCalls = {{"", "get_weather", json{{"city", "Paris"}}.dump(), ""}}});
        const Run r = run(configFor(server), request);
        QVERIFY2(r.result.ok(), r.result.error.message.c_str());
        const json call{{"functionCall", {{"name", "get_weather"}, {"args", {{"city", "Paris"}}}}}};
        QCOMPARE(modelParts(server.lastRequest()).dump(), json::array({call}).dump());
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
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat("gemini-thinking", stream));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(res.response.text, kText); // thoughts are not the answer
        QCOMPARE(r.streamed, kText);
        QCOMPARE(res.firstChunkAt.value_or(0), r.textTimes.front());
        verifyMockUsage(res.response.usage);
        std::size_t chars = 0;
        for (const std::string& piece : mock::kThoughtPieces)
            chars += piece.size();
        const auto it = res.attributes.find("tokenscope.response.thinking_chars");
        QVERIFY(it != res.attributes.end());
        QCOMPARE(std::get<std::int64_t>(it->second), static_cast<std::int64_t>(chars));
        QCOMPARE(res.chunkCount,
                 stream ? static_cast<int>(mock::kThoughtPieces.size() + mock::kTextPieces.size()) : 1);
    }

    void finishReasons_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("finish");
        QTest::addColumn<QString>("geminiReason"); // the attribute: Gemini's own words
        const QString text = QString::fromStdString(kText);
        QTest::newRow("max tokens") << QStringLiteral("gemini-max-tokens") << true << text
                                    << QStringLiteral("length") << QStringLiteral("MAX_TOKENS");
        QTest::newRow("safety mid-answer")
            << QStringLiteral("gemini-safety") << true << QStringLiteral("Hello,")
            << QStringLiteral("content_filter") << QStringLiteral("SAFETY");
        // Stopped for safety before it began: the candidate has no content at all.
        QTest::newRow("safety, whole reply") << QStringLiteral("gemini-safety") << false << QString()
                                             << QStringLiteral("content_filter") << QStringLiteral("SAFETY");
        QTest::newRow("prompt blocked") << QStringLiteral("gemini-blocked") << true << QString()
                                        << QStringLiteral("content_filter") << QString();
        QTest::newRow("prompt blocked, whole reply") << QStringLiteral("gemini-blocked") << false << QString()
                                                     << QStringLiteral("content_filter") << QString();
    }

    void finishReasons()
    {
        QFETCH(QString, model);
        QFETCH(bool, stream);
        QFETCH(QString, text);
        QFETCH(QString, finish);
        QFETCH(QString, geminiReason);
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat(model.toStdString(), stream));
        QVERIFY2(r.result.ok(),
                 r.result.error.message.c_str()); // a filtered answer is an answer, not a fault
        QCOMPARE(r.result.response.text, text.toStdString());
        QCOMPARE(r.result.response.finishReason, finish.toStdString());
        QCOMPARE(stringAttribute(r.result, "tokenscope.gemini.finish_reason"), geminiReason.toStdString());
        if (model == QStringLiteral("gemini-blocked")) {
            QCOMPARE(stringAttribute(r.result, "tokenscope.gemini.block_reason"), std::string("SAFETY"));
            QCOMPARE(r.result.response.usage.inputTokens, mock::kPromptTokens);
            QVERIFY(!r.result.firstChunkAt);
        }
    }

    void nonStreaming()
    {
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat("gemini-2.5-flash", false));
        const ts::CallResult& res = r.result;
        QVERIFY2(res.ok(), res.error.message.c_str());
        QCOMPARE(server.lastRequest().path, std::string("/v1beta/models/gemini-2.5-flash:generateContent"));
        QCOMPARE(server.lastRequest().header("accept"), std::string("application/json"));
        QCOMPARE(res.response.text, kText);
        QCOMPARE(r.streamed, kText);
        QCOMPARE(r.textTimes.size(), std::size_t{1});
        QCOMPARE(res.response.finishReason, std::string("stop"));
        QCOMPARE(res.response.id, std::string(mock::kResponseId));
        verifyMockUsage(res.response.usage);
        QVERIFY(res.exchange.chunks.empty());
        QVERIFY(contains(res.exchange.responseBody, "\"candidates\": ["));
        QCOMPARE(res.chunkCount, 1);
        QCOMPARE(res.firstChunkAt.value_or(0), res.finishedAt);
    }

    void errorEventInStream()
    {
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat("gemini-error-in-stream"));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Stream);
        QCOMPARE(error.code, std::string("INTERNAL"));
        QCOMPARE(error.type, std::string("server_error"));
        QVERIFY(error.message.starts_with("An internal error has occurred."));
        QCOMPARE(ts::categorize(error), ErrorCategory::Server);
        QVERIFY(error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,"));
        QCOMPARE(r.streamed, std::string("Hello,"));
        QCOMPARE(r.result.exchange.httpStatus, 200);
        QVERIFY(r.result.exchange.chunks.back().data.starts_with("{\"error\":"));
    }

    void malformedChunk()
    {
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat("gemini-truncated-json"));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Stream);
        QVERIFY2(error.message.starts_with("malformed chunk: {\"candidates\":"), error.message.c_str());
        QCOMPARE(ts::categorize(error), ErrorCategory::MalformedStream);
        QVERIFY(!error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,")); // nothing after the bad chunk is read
        QCOMPARE(r.streamed, std::string("Hello,"));
    }

    void httpErrors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code"); // Google's status
        QTest::addColumn<QString>("message");
        QTest::addColumn<qint64>("retryAfterMs"); // -1: none
        QTest::addColumn<ErrorCategory>("category");
        QTest::addColumn<bool>("retryable");
        const QString model = QStringLiteral("gemini-2.5-flash");
        const QString key = QString::fromStdString(kKey);
        QTest::newRow("429 rate limited, RetryInfo")
            << QStringLiteral("gemini-rate-limited") << key << 429 << QStringLiteral("RESOURCE_EXHAUSTED")
            << QStringLiteral("You exceeded your current quota") << qint64(mock::kRetryDelaySeconds * 1000)
            << ErrorCategory::RateLimited << true;
        QTest::newRow("429 per-day quota, RetryInfo all the same")
            << QStringLiteral("gemini-daily-quota") << key << 429 << QStringLiteral("RESOURCE_EXHAUSTED")
            << QStringLiteral("You exceeded your current quota")
            << qint64(mock::kDailyRetryDelaySeconds * 1000) << ErrorCategory::DailyQuotaExhausted << false;
        QTest::newRow("503 overloaded")
            << QStringLiteral("gemini-overloaded") << key << 503 << QStringLiteral("UNAVAILABLE")
            << QStringLiteral("The model is overloaded.") << qint64(-1) << ErrorCategory::Overloaded << true;
        QTest::newRow("400 too many tokens")
            << QStringLiteral("gemini-too-long") << key << 400 << QStringLiteral("INVALID_ARGUMENT")
            << QStringLiteral("The input token count (1238917) exceeds the maximum number of tokens")
            << qint64(-1) << ErrorCategory::ContextTooLong << false;
        QTest::newRow("500 internal")
            << QStringLiteral("gemini-internal") << key << 500 << QStringLiteral("INTERNAL")
            << QStringLiteral("An internal error has occurred.") << qint64(-1) << ErrorCategory::Server
            << true;
        QTest::newRow("404 unknown model")
            << QStringLiteral("gpt-4o") << key << 404 << QStringLiteral("NOT_FOUND")
            << QStringLiteral("models/gpt-4o is not found for API version v1beta") << qint64(-1)
            << ErrorCategory::BadRequest << false;
        QTest::newRow("400 API_KEY_INVALID")
            << model << QStringLiteral("AIza-wrong") << 400 << QStringLiteral("INVALID_ARGUMENT")
            << QStringLiteral("API key not valid. Please pass a valid API key.") << qint64(-1)
            << ErrorCategory::Auth << false;
        QTest::newRow("403 no key") << model << QString() << 403 << QStringLiteral("PERMISSION_DENIED")
                                    << QStringLiteral("Method doesn't allow unregistered callers")
                                    << qint64(-1) << ErrorCategory::Auth << false;
    }

    void httpErrors()
    {
        QFETCH(QString, model);
        QFETCH(QString, key);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(qint64, retryAfterMs);
        QFETCH(ErrorCategory, category);
        QFETCH(bool, retryable);
        MockGeminiServer server(kKey);
        ts::GeminiConfig config = configFor(server);
        config.apiKey = key.toStdString();
        const Run r = run(config, chat(model.toStdString()));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.kind, ProviderError::Kind::Http);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.code, code.toStdString());
        QVERIFY2(error.message.starts_with(message.toStdString()), error.message.c_str());
        QCOMPARE(error.retryAfterMs.value_or(-1), static_cast<std::int64_t>(retryAfterMs));
        QCOMPARE(ts::categorize(error), category);
        QCOMPARE(error.retryable(), retryable);
        QCOMPARE(r.result.exchange.httpStatus, status);
        QVERIFY(contains(r.result.exchange.responseBody, "\"status\": \"" + code.toStdString() + "\""));
        QVERIFY(r.result.exchange.chunks.empty());
        QVERIFY(r.streamed.empty());
        QVERIFY(!r.result.firstChunkAt);
    }

    // The retry delay Google adds does not help with a quota counted per day; the user is told so.
    void dailyQuotaInWords()
    {
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat("gemini-daily-quota"));
        const ProviderError& error = r.result.error;
        QCOMPARE(error.type, std::string("daily_quota_exhausted"));
        QCOMPARE(ts::categorize(error), ErrorCategory::DailyQuotaExhausted);
        QCOMPARE(ts::categoryName(ts::categorize(error)), std::string_view("daily_quota_exhausted"));
        QVERIFY(!error.retryable());
        QCOMPARE(server.requestCount(), 1); // nothing retried it
        const std::string words = ts::describeError(error);
        QVERIFY2(words.starts_with("The provider refused the request: daily quota exhausted"), words.c_str());
        QVERIFY2(contains(words, "limit: 250, model: gemini-2.5-flash"), words.c_str());
        QVERIFY2(contains(words, "resets the next day"), words.c_str());
        QVERIFY(contains(r.result.exchange.responseBody, std::string(mock::kDailyQuotaId)));
    }

    void disconnectMidStream()
    {
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat("gemini-disconnect"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Network);
        QVERIFY2(r.result.error.message.starts_with("stream ended before a finishReason"),
                 r.result.error.message.c_str());
        QCOMPARE(ts::categorize(r.result.error), ErrorCategory::Network);
        QVERIFY(r.result.error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello, world"));
        QCOMPARE(r.streamed, std::string("Hello, world"));
        // The partial usage of the last chunk that arrived is kept: the input side is known.
        QCOMPARE(r.result.response.usage.inputTokens, mock::kPromptTokens);
        QCOMPARE(r.result.response.usage.outputTokens, std::int64_t{3});
        QVERIFY(r.result.response.finishReason.empty());
    }

    // No [DONE] exists: a clean close before any finishReason is the only sign the answer is cut.
    void cleanCloseWithoutFinish()
    {
        MockGeminiServer server(kKey);
        const Run r = run(configFor(server), chat("gemini-no-finish"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Network);
        QCOMPARE(r.result.error.message, std::string("stream ended before a finishReason"));
        QCOMPARE(r.result.response.text, kText);
    }

    void idleTimeout()
    {
        MockGeminiServer server(kKey);
        ts::GeminiConfig config = configFor(server);
        config.idleTimeout = 1000ms;
        const Run r = run(config, chat("gemini-stall"));
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Timeout);
        QVERIFY2(r.result.error.message.starts_with("stream ended before a finishReason: "),
                 r.result.error.message.c_str());
        QCOMPARE(ts::categorize(r.result.error), ErrorCategory::Timeout);
        QVERIFY(r.result.error.retryable());
        QCOMPARE(r.result.response.text, std::string("Hello,"));
    }

    // The stop button: another thread cancels while chunks drip in.
    void cancelMidStream()
    {
        MockGeminiServer server(kKey);
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
        const Run r = run(configFor(server), chat("gemini-drip"), &token, [&](int n) {
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
        MockGeminiServer server(kKey);
        server.setDripDelay(5ms);
        const Run r = run(configFor(server), chat("gemini-drip"), nullptr, [](int n) { return n < 2; });
        QCOMPARE(r.result.error.kind, ProviderError::Kind::Cancelled);
        QCOMPARE(r.result.error.message, std::string("stopped by the user"));
        QCOMPARE(ts::categorize(r.result.error), ErrorCategory::Cancelled);
        QCOMPARE(r.result.response.text, dripText(2));
        QCOMPARE(r.streamed, dripText(2));
    }

    void arrivalTimes()
    {
        MockGeminiServer server(kKey);
        server.setDripDelay(5ms);
        const Run r = run(configFor(server), chat("gemini-drip"));
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
        // The server paused 5 ms before each chunk: the times are arrivals, not one stamp.
        QVERIFY(r.textTimes.back() - r.textTimes.front() >= 400 * ts::kNsPerMs);
    }

    void keyNeverRecorded()
    {
        QVERIFY(ts::isSecretHeader("x-goog-api-key"));
        QVERIFY(ts::isSecretHeader("X-Goog-Api-Key"));
        MockGeminiServer server(kKey);
        ts::GeminiConfig config = configFor(server);
        config.extraHeaders = {{"x-goog-user-project", "tokenscope-test"}};
        const ts::Exchange exchange = run(config, chat("gemini-2.5-flash")).result.exchange;
        QCOMPARE(server.lastRequest().header("x-goog-api-key"), kKey);
        QCOMPARE(server.lastRequest().header("x-goog-user-project"), std::string("tokenscope-test"));
        QCOMPARE(ts::net::headerValue(exchange.requestHeaders, "x-goog-api-key"), std::string("<redacted>"));
        QCOMPARE(ts::net::headerValue(exchange.requestHeaders, "x-goog-user-project"),
                 std::string("tokenscope-test"));
        for (const auto& [header, value] : exchange.requestHeaders)
            QVERIFY2(!contains(value, kKey), header.c_str());
        QVERIFY(!contains(exchange.url, kKey)); // never ?key=
        QVERIFY(!contains(exchange.requestBody, kKey));
    }

    void methodPaths_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("path");
        QTest::newRow("bare name") << QStringLiteral("gemini-2.5-flash") << true
                                   << QStringLiteral(
                                          "v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
        QTest::newRow("resource name")
            << QStringLiteral("models/gemini-2.0-flash-001") << false
            << QStringLiteral("v1beta/models/gemini-2.0-flash-001:generateContent");
        QTest::newRow("tuned model") << QStringLiteral("tunedModels/sentiment-x1") << false
                                     << QStringLiteral("v1beta/tunedModels/sentiment-x1:generateContent");
        QTest::newRow("escaped") << QStringLiteral("my model:v2") << false
                                 << QStringLiteral("v1beta/models/my%20model%3Av2:generateContent");
    }

    void methodPaths()
    {
        QFETCH(QString, model);
        QFETCH(bool, stream);
        QFETCH(QString, path);
        QCOMPARE(ts::gemini::methodPath("v1beta", model.toStdString(), stream), path.toStdString());
    }

    void finishReasonNames_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("calledTools");
        QTest::addColumn<QString>("expected");
        QTest::newRow("STOP") << QStringLiteral("STOP") << false << QStringLiteral("stop");
        QTest::newRow("STOP with calls") << QStringLiteral("STOP") << true << QStringLiteral("tool_calls");
        QTest::newRow("MAX_TOKENS") << QStringLiteral("MAX_TOKENS") << true << QStringLiteral("length");
        QTest::newRow("RECITATION") << QStringLiteral("RECITATION") << false
                                    << QStringLiteral("content_filter");
        QTest::newRow("PROHIBITED_CONTENT")
            << QStringLiteral("PROHIBITED_CONTENT") << false << QStringLiteral("content_filter");
        QTest::newRow("MALFORMED_FUNCTION_CALL")
            << QStringLiteral("MALFORMED_FUNCTION_CALL") << false << QStringLiteral("error");
        QTest::newRow("OTHER") << QStringLiteral("OTHER") << false << QStringLiteral("other");
    }

    void finishReasonNames()
    {
        QFETCH(QString, reason);
        QFETCH(bool, calledTools);
        QFETCH(QString, expected);
        QCOMPARE(ts::gemini::finishReason(reason.toStdString(), calledTools), expected.toStdString());
    }

    // Grounding's tool-use prompt is billed input too: the total stays the API's totalTokenCount.
    void usageWithToolUsePrompt()
    {
        const ts::Usage usage = ts::gemini::usageFrom({{"promptTokenCount", 100},
                                                       {"toolUsePromptTokenCount", 20},
                                                       {"candidatesTokenCount", 5},
                                                       {"thoughtsTokenCount", 7},
                                                       {"totalTokenCount", 132}});
        QCOMPARE(usage.inputTokens, std::int64_t{120});
        QCOMPARE(usage.outputTokens, std::int64_t{12});
        QCOMPARE(usage.reasoningTokens, std::int64_t{7});
        QCOMPARE(usage.totalTokens(), std::int64_t{132});
        QVERIFY(!ts::gemini::usageFrom(json::object()).totalTokens());
    }

    // Inside a 200 stream there is no HTTP status: Google's status alone must categorize.
    void streamErrorStatuses_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<ErrorCategory>("category");
        QTest::newRow("UNAVAILABLE") << QStringLiteral("UNAVAILABLE") << ErrorCategory::Overloaded;
        QTest::newRow("RESOURCE_EXHAUSTED")
            << QStringLiteral("RESOURCE_EXHAUSTED") << ErrorCategory::RateLimited;
        QTest::newRow("INTERNAL") << QStringLiteral("INTERNAL") << ErrorCategory::Server;
        QTest::newRow("INVALID_ARGUMENT") << QStringLiteral("INVALID_ARGUMENT") << ErrorCategory::BadRequest;
    }

    void streamErrorStatuses()
    {
        QFETCH(QString, status);
        QFETCH(ErrorCategory, category);
        const json error{{"code", 0}, {"message", "m"}, {"status", status.toStdString()}};
        QCOMPARE(ts::categorize(ts::gemini::errorFrom(error, ProviderError::Kind::Stream)), category);
    }

    void configErrors_data()
    {
        QTest::addColumn<bool>("goodUrl");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("toolParameters");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<bool>("anonymousToolResult");
        QTest::newRow("no model") << true << QString() << QString() << QString() << false;
        QTest::newRow("base URL without scheme")
            << false << QStringLiteral("gemini-2.5-flash") << QString() << QString() << false;
        QTest::newRow("tool parameters not JSON")
            << true << QStringLiteral("gemini-2.5-flash") << QStringLiteral("{nope") << QString() << false;
        QTest::newRow("response schema not JSON")
            << true << QStringLiteral("gemini-2.5-flash") << QString() << QStringLiteral("{nope") << false;
        QTest::newRow("tool result without a tool name")
            << true << QStringLiteral("gemini-2.5-flash") << QString() << QString() << true;
    }

    void configErrors()
    {
        QFETCH(bool, goodUrl);
        QFETCH(QString, model);
        QFETCH(QString, toolParameters);
        QFETCH(QString, schema);
        QFETCH(bool, anonymousToolResult);
        MockGeminiServer server(kKey);
        ts::GeminiConfig config = configFor(server);
        if (!goodUrl)
            config.baseUrl = server.baseUrl().substr(std::string("http://").size());
        ts::ChatRequest request = chat(model.toStdString());
        if (!toolParameters.isEmpty())
            request.tools = {{"broken", "", toolParameters.toStdString()}};
        if (!schema.isEmpty())
            request.responseFormat = {ts::ResponseFormat::Type::JsonSchema, "answer", schema.toStdString(),
                                      true};
        if (anonymousToolResult)
            request.messages.push_back({ts::Role::Tool, "42", {}, "call_unknown", {}});
        const ts::CallResult result = run(config, request).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Config);
        QVERIFY(!result.error.message.empty());
        QCOMPARE(server.requestCount(), 0);
    }

    void connectRefused()
    {
        ts::test::RefusedPort refused;
        ts::GeminiConfig config;
        config.baseUrl = "http://127.0.0.1:" + std::to_string(refused.port()) + "/";
        config.apiKey = kKey;
        const ts::CallResult result = run(config, chat("gemini-2.5-flash")).result;
        QCOMPARE(result.error.kind, ProviderError::Kind::Network);
        QVERIFY(result.error.retryable());
        QCOMPARE(result.exchange.url, "http://127.0.0.1:" + std::to_string(refused.port()) +
                                          "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
        QCOMPARE(result.exchange.httpStatus, 0);
    }

    void providerIdentity()
    {
        ts::GeminiConfig config;
        config.models = {"gemini-2.5-flash", "gemini-2.5-pro"};
        const ts::GeminiProvider provider(config);
        QCOMPARE(provider.id(), std::string("gemini"));
        QCOMPARE(provider.otelName(), std::string("gcp.gemini"));
        QCOMPARE(provider.models().size(), std::size_t{2});
        QCOMPARE(provider.config().baseUrl, std::string("https://generativelanguage.googleapis.com"));
        QCOMPARE(provider.config().apiVersion, std::string("v1beta"));
        QVERIFY(provider.config().totalTimeout == 0ms); // a long answer must not be cut
    }
};

QTEST_GUILESS_MAIN(TestGeminiProvider)
#include "test_gemini_provider.moc"
