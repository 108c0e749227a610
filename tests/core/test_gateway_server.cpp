// The local gateway over real HTTP: OpenAI and Anthropic dialects in front of mock upstreams,
// errors, model resolution, metadata, keys, client disconnects and the OTLP receiver.
#include "gateway_test_rig.h"
#include "mock_anthropic_scenarios.h"
#include "mock_openai_scenarios.h"
#include "model/attributes.h"
#include "qtest_std_string.h"
#include "providers/provider_profile.h"
#include "serve/gateway_auth.h"

#include <QtTest/QTest>

#include <chrono>

using nlohmann::json;
using ts::test::GatewayRig;
namespace mock = ts::test::mock;
namespace amock = ts::test::anthropic_mock;

namespace {

json chatBody(const std::string& model, bool stream = false)
{
    json body = {{"model", model}, {"messages", {{{"role", "system"}, {"content", "Be brief."}}, {{"role", "user"}, {"content", "Say hello."}}}}};
    if (stream)
        body["stream"] = true;
    return body;
}

json messagesBody(const std::string& model, bool stream = false)
{
    return {{"model", model}, {"max_tokens", 64}, {"stream", stream}, {"system", "Be brief."},
            {"messages", {{{"role", "user"}, {"content", {{{"type", "text"}, {"text", "Say hello."}}}}}}}};
}

std::shared_ptr<const ts::GatewayConfig> configWithKeys()
{
    return ts::test::parsedConfig(R"({
      "routes": [{"name": "chat", "deployments": [{"provider": "openai", "model": "mock-usage"}]}],
      "keys": [{"name": "team-search", "key": "tsk-gateway-secret-1", "project": "search"}]
    })");
}

} // namespace

class TestGatewayServer : public QObject
{
    Q_OBJECT

private slots:
    void openAINonStreaming()
    {
        GatewayRig rig;
        QCOMPARE(rig.startError, std::string());
        const auto res = rig.post("/v1/chat/completions", chatBody("mock-usage"));
        QCOMPARE(res.status, 200);
        const json reply = json::parse(res.body);
        QCOMPARE(reply["object"].get<std::string>(), std::string("chat.completion"));
        QVERIFY(reply["id"].get<std::string>().rfind("chatcmpl-", 0) == 0);
        QVERIFY(reply["created"].is_number_integer());
        const json& choice = reply["choices"][0];
        QCOMPARE(choice["message"]["role"].get<std::string>(), std::string("assistant"));
        QCOMPARE(choice["message"]["content"].get<std::string>(), std::string(mock::kText));
        QCOMPARE(choice["finish_reason"].get<std::string>(), std::string("stop"));
        QCOMPARE(reply["usage"]["prompt_tokens"].get<std::int64_t>(), mock::kPromptTokens);
        QCOMPARE(reply["usage"]["completion_tokens"].get<std::int64_t>(), mock::kCompletionTokens);
        QCOMPARE(reply["usage"]["total_tokens"].get<std::int64_t>(), mock::kPromptTokens + mock::kCompletionTokens);
        QCOMPARE(reply["usage"]["prompt_tokens_details"]["cached_tokens"].get<std::int64_t>(), mock::kCachedTokens);
        QCOMPARE(reply["usage"]["completion_tokens_details"]["reasoning_tokens"].get<std::int64_t>(), mock::kReasoningTokens);
        QCOMPARE(rig.openai.lastRequest().header("authorization"), "Bearer " + ts::test::kOpenAIKey);
        const auto traces = rig.traces();
        QCOMPARE(traces.size(), std::size_t(1));
        QCOMPARE(traces[0].summary.source, std::string("gateway"));
        QCOMPARE(traces[0].summary.inputTokens, mock::kPromptTokens);
        QVERIFY(res.body.find(ts::test::kOpenAIKey) == std::string::npos);
    }

    void openAIStreamingShape()
    {
        GatewayRig rig;
        json body = chatBody("mock-usage", true);
        body["stream_options"] = {{"include_usage", true}};
        const auto res = rig.post("/v1/chat/completions", body);
        QCOMPARE(res.status, 200);
        QVERIFY(res.header("content-type").rfind("text/event-stream", 0) == 0);
        // Every event is exactly "data: <json>\n\n"; the stream ends with the [DONE] sentinel.
        QVERIFY(res.body.size() > 20 && res.body.substr(res.body.size() - 14) == "data: [DONE]\n\n");
        QCOMPARE(res.body.find("\r"), std::string::npos);
        const auto events = ts::test::splitSse(res.body);
        QCOMPARE(events.data.back(), std::string("[DONE]"));
        const json first = json::parse(events.data.front());
        QCOMPARE(first["object"].get<std::string>(), std::string("chat.completion.chunk"));
        QCOMPARE(first["choices"][0]["delta"]["role"].get<std::string>(), std::string("assistant"));
        QVERIFY(first["choices"][0]["finish_reason"].is_null());
        std::string text;
        for (std::size_t i = 0; i + 3 < events.data.size(); ++i) {
            const json chunk = json::parse(events.data[i]);
            QVERIFY(chunk["id"] == first["id"]);
            QVERIFY(chunk["created"] == first["created"]);
            QCOMPARE(chunk["model"].get<std::string>(), std::string("mock-usage"));
            text += chunk["choices"][0]["delta"].value("content", "");
        }
        QCOMPARE(text, std::string(mock::kText));
        const json last = json::parse(events.data[events.data.size() - 3]);
        QCOMPARE(last["choices"][0]["finish_reason"].get<std::string>(), std::string("stop"));
        QVERIFY(last["choices"][0]["delta"] == json::object());
        const json usage = json::parse(events.data[events.data.size() - 2]);
        QVERIFY(usage["choices"] == json::array());
        QCOMPARE(usage["usage"]["prompt_tokens"].get<std::int64_t>(), mock::kPromptTokens);
        QCOMPARE(usage["usage"]["prompt_tokens_details"]["cached_tokens"].get<std::int64_t>(), mock::kCachedTokens);
    }

    void toolCallsRoundTrip()
    {
        GatewayRig rig;
        json body = chatBody("mock-tools", true);
        body["messages"].push_back({{"role", "assistant"},
                                    {"content", nullptr},
                                    {"tool_calls", {{{"id", "call_1"}, {"type", "function"}, {"function", {{"name", "get_weather"}, {"arguments", "{\"city\":\"Paris\"}"}}}}}}});
        body["messages"].push_back({{"role", "tool"}, {"tool_call_id", "call_1"}, {"content", "sunny"}});
        body["tools"] = {{{"type", "function"}, {"function", {{"name", "get_weather"}, {"parameters", {{"type", "object"}}}}}}};
        const auto res = rig.post("/v1/chat/completions", body);
        QCOMPARE(res.status, 200);
        const json sent = rig.openai.lastRequest().json();
        QCOMPARE(sent["messages"][2]["tool_calls"][0]["function"]["name"].get<std::string>(), std::string("get_weather"));
        QCOMPARE(sent["messages"][3]["role"].get<std::string>(), std::string("tool"));
        QCOMPARE(sent["messages"][3]["tool_call_id"].get<std::string>(), std::string("call_1"));
        QCOMPARE(sent["tools"][0]["function"]["name"].get<std::string>(), std::string("get_weather"));
        const auto events = ts::test::splitSse(res.body);
        std::vector<std::string> names;
        std::string finish;
        for (const auto& data : events.data) {
            if (data == "[DONE]")
                continue;
            const json chunk = json::parse(data);
            const json& delta = chunk["choices"][0]["delta"];
            if (delta.contains("tool_calls")) {
                QVERIFY(delta["tool_calls"][0].contains("index"));
                names.push_back(delta["tool_calls"][0]["function"]["name"].get<std::string>());
                QVERIFY(json::parse(delta["tool_calls"][0]["function"]["arguments"].get<std::string>()).is_object());
            }
            if (!chunk["choices"][0]["finish_reason"].is_null())
                finish = chunk["choices"][0]["finish_reason"].get<std::string>();
        }
        QVERIFY(names.size() >= 2); // the recording calls two tools in parallel
        QCOMPARE(finish, std::string("tool_calls"));
    }

    void anthropicNonStreaming()
    {
        GatewayRig rig;
        const auto res = rig.post("/v1/messages", messagesBody("claude-test"));
        QCOMPARE(res.status, 200);
        const json reply = json::parse(res.body);
        QCOMPARE(reply["type"].get<std::string>(), std::string("message"));
        QCOMPARE(reply["role"].get<std::string>(), std::string("assistant"));
        QCOMPARE(reply["content"][0]["type"].get<std::string>(), std::string("text"));
        QCOMPARE(reply["content"][0]["text"].get<std::string>(), std::string(amock::kText));
        QCOMPARE(reply["stop_reason"].get<std::string>(), std::string("end_turn"));
        QCOMPARE(reply["usage"]["input_tokens"].get<std::int64_t>(), amock::kInputTokens);
        QCOMPARE(reply["usage"]["cache_read_input_tokens"].get<std::int64_t>(), amock::kCacheReadTokens);
        QCOMPARE(reply["usage"]["output_tokens"].get<std::int64_t>(), amock::kOutputTokens);
        const json sent = rig.anthropic.lastRequest().json();
        QCOMPARE(sent["system"].dump().find("Be brief.") != std::string::npos, true);
        QCOMPARE(rig.anthropic.lastRequest().header("x-api-key"), ts::test::kAnthropicKey);
    }

    void anthropicStreamingOrder()
    {
        GatewayRig rig;
        const auto res = rig.post("/v1/messages", messagesBody("claude-test", true));
        QCOMPARE(res.status, 200);
        const auto events = ts::test::splitSse(res.body);
        QVERIFY(events.names.size() >= 7);
        QCOMPARE(events.names[0], std::string("message_start"));
        QCOMPARE(events.names[1], std::string("ping"));
        QCOMPARE(events.names[2], std::string("content_block_start"));
        std::string text;
        std::size_t i = 3;
        for (; i < events.names.size() && events.names[i] == "content_block_delta"; ++i)
            text += json::parse(events.data[i])["delta"]["text"].get<std::string>();
        QCOMPARE(text, std::string(amock::kText));
        QCOMPARE(events.names[i], std::string("content_block_stop"));
        QCOMPARE(events.names[i + 1], std::string("message_delta"));
        QCOMPARE(events.names[i + 2], std::string("message_stop"));
        QCOMPARE(i + 3, events.names.size());
        for (std::size_t k = 0; k < events.names.size(); ++k)
            QCOMPARE(json::parse(events.data[k])["type"].get<std::string>(), events.names[k]);
        const json delta = json::parse(events.data[i + 1]);
        QCOMPARE(delta["delta"]["stop_reason"].get<std::string>(), std::string("end_turn"));
        QCOMPARE(delta["usage"]["output_tokens"].get<std::int64_t>(), amock::kOutputTokens);
    }

    void upstreamErrorsMapped()
    {
        GatewayRig rig;
        const auto limited = rig.post("/v1/chat/completions", chatBody("mock-429"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("retry-after"), std::string("2"));
        QCOMPARE(json::parse(limited.body)["error"]["type"].get<std::string>(), std::string("rate_limit_exceeded"));
        const auto broken = rig.post("/v1/chat/completions", chatBody("mock-500"));
        QCOMPARE(broken.status, 502);
        const json error = json::parse(broken.body)["error"];
        QVERIFY(error.contains("message") && error.contains("type") && error.contains("param") && error.contains("code"));
        QCOMPARE(error["type"].get<std::string>(), std::string("server_error"));
        const auto anthropicLimited = rig.post("/v1/messages", messagesBody("claude-rate-limited"));
        QCOMPARE(anthropicLimited.status, 429);
        const json a = json::parse(anthropicLimited.body);
        QCOMPARE(a["type"].get<std::string>(), std::string("error"));
        QCOMPARE(a["error"]["type"].get<std::string>(), std::string("rate_limit_error"));
    }

    void badRequests()
    {
        GatewayRig rig;
        net_post_raw(rig, "/v1/chat/completions", "{\"model\": \"x\", \"messages\": [}", 400, "at byte");
        json n = chatBody("mock-usage");
        n["n"] = 2;
        QCOMPARE(rig.post("/v1/chat/completions", n).status, 400);
        json role = chatBody("mock-usage");
        role["messages"][0]["role"] = "wizard";
        const auto bad = rig.post("/v1/chat/completions", role);
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.body.find("wizard") != std::string::npos);
        json noMax = messagesBody("claude-test");
        noMax.erase("max_tokens");
        const auto missing = rig.post("/v1/messages", noMax);
        QCOMPARE(missing.status, 400);
        QCOMPARE(json::parse(missing.body)["error"]["type"].get<std::string>(), std::string("invalid_request_error"));
    }

    void modelResolution()
    {
        GatewayRig rig(configWithKeys());
        QCOMPARE(rig.post("/v1/chat/completions", chatBody("openai/mock-usage")).status, 200);
        QCOMPARE(rig.openai.lastRequest().json()["model"].get<std::string>(), std::string("mock-usage"));
        QCOMPARE(rig.post("/v1/chat/completions", chatBody("chat")).status, 200); // a route
        QCOMPARE(rig.openai.requestCount(), 2);
        const auto missing = rig.post("/v1/chat/completions", chatBody("no-such-model"));
        QCOMPARE(missing.status, 404);
        const json error = json::parse(missing.body)["error"];
        QCOMPARE(error["code"].get<std::string>(), std::string("model_not_found"));
        QVERIFY(error["message"].get<std::string>().find("mock-usage") != std::string::npos);
        QVERIFY(error["message"].get<std::string>().find("chat") != std::string::npos);
        const auto models = rig.get("/v1/models");
        QCOMPARE(models.status, 200);
        const json list = json::parse(models.body);
        QCOMPARE(list["object"].get<std::string>(), std::string("list"));
        QCOMPARE(list["data"][0]["id"].get<std::string>(), std::string("chat"));
        QVERIFY(models.body.find("\"claude-test\"") != std::string::npos);
    }

    void metadataBecomesAttributes()
    {
        GatewayRig rig;
        json body = chatBody("mock-usage");
        body["user"] = "body-user";
        QCOMPARE(rig.post("/v1/chat/completions", body, {{"x-tokenscope-session", "s-42"}, {"x-tokenscope-tags", "beta, search ,"}}).status, 200);
        QCOMPARE(rig.post("/v1/chat/completions", chatBody("mock-usage"), {{"x-tokenscope-user", "ann"}}).status, 200);
        const auto traces = rig.traces(2);
        QCOMPARE(traces.size(), std::size_t(2));
        const ts::Span* root = traces[0].root();
        QCOMPARE(root->attrString(ts::attr::kUser), std::string("body-user"));
        QCOMPARE(root->attrString(ts::attr::kSession), std::string("s-42"));
        QCOMPARE(root->attrString(ts::attr::kTags), std::string("beta,search"));
        QCOMPARE(root->attrString(ts::attr::kSource), std::string("gateway"));
        QCOMPARE(traces[0].summary.tags, std::string("beta,search"));
        QCOMPARE(traces[1].summary.user, std::string("ann"));
    }

    void authRules()
    {
        ts::GatewayConfig none;
        QVERIFY(ts::serve::startRefusal("127.0.0.1", none).empty());
        QVERIFY(ts::serve::startRefusal("::1", none).empty());
        QVERIFY(!ts::serve::startRefusal("0.0.0.0", none).empty());
        QVERIFY(!ts::serve::startRefusal("192.168.1.5", none).empty());
        QVERIFY(ts::serve::startRefusal("0.0.0.0", *configWithKeys()).empty());
        {
            ts::Pipeline pipeline(std::make_shared<ts::ProviderRegistry>(), {});
            ts::serve::GatewayOptions options;
            options.host = "0.0.0.0"; // refused before anything is bound
            ts::serve::GatewayServer server(pipeline, options);
            QVERIFY(server.start().find("virtual keys") != std::string::npos);
            QCOMPARE(server.port(), 0);
        }
        GatewayRig open; // loopback: any key or none
        QCOMPARE(open.post("/v1/chat/completions", chatBody("mock-usage"), {{"Authorization", "Bearer whatever"}}).status, 200);

        GatewayRig rig(configWithKeys(), /*requireKeys=*/true);
        const auto missing = rig.post("/v1/chat/completions", chatBody("mock-usage"));
        QCOMPARE(missing.status, 401);
        QCOMPARE(json::parse(missing.body)["error"]["code"].get<std::string>(), std::string("invalid_api_key"));
        const auto wrong = rig.post("/v1/messages", messagesBody("claude-test"), {{"x-api-key", "nope"}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(json::parse(wrong.body)["error"]["type"].get<std::string>(), std::string("authentication_error"));
        QCOMPARE(rig.get("/v1/models").status, 401);
        QCOMPARE(rig.post("/v1/chat/completions", chatBody("mock-usage"), {{"Authorization", "Bearer tsk-gateway-secret-1"}}).status, 200);
        QCOMPARE(rig.post("/v1/messages", messagesBody("claude-test"), {{"x-api-key", "tsk-gateway-secret-1"}}).status, 200);
        const auto traces = rig.traces(2);
        QCOMPARE(traces.size(), std::size_t(2));
        QCOMPARE(traces[0].root()->attrString(ts::attr::kApiKeyName), std::string("team-search"));
        QCOMPARE(traces[0].root()->attrString(ts::attr::kProject), std::string("search"));
    }

    void providersSwappedWhileServingAreUsed()
    {
        GatewayRig rig;
        QCOMPARE(rig.post("/v1/chat/completions", chatBody("late/mock-usage")).status, 404);
        ts::ProviderProfile late;
        late.id = "late";
        late.kind = "openai";
        late.baseUrl = rig.openai.baseUrl();
        auto registry = std::make_shared<ts::ProviderRegistry>();
        for (const auto& p : rig.pipeline->providers().all())
            registry->add(p);
        registry->add(ts::makeProvider(late, ts::test::kOpenAIKey));
        rig.pipeline->setProviders(registry); // what the GUI does when the user saves a provider
        const auto r = rig.post("/v1/chat/completions", chatBody("late/mock-usage"));
        QCOMPARE(r.status, 200);
        QVERIFY(json::parse(rig.get("/v1/models").body).dump().find("openai") != std::string::npos);
    }

    void takenPortIsRefused()
    {
        GatewayRig first;
        ts::Pipeline pipeline(std::make_shared<ts::ProviderRegistry>(), {});
        ts::serve::GatewayOptions options;
        options.port = first.server->port(); // cpp-httplib's SO_REUSEPORT would let it share silently
        ts::serve::GatewayServer second(pipeline, options);
        const std::string refusal = second.start();
        QVERIFY2(refusal.find("already in use") != std::string::npos, refusal.c_str());
        QCOMPARE(second.port(), 0);
        QCOMPARE(first.post("/v1/chat/completions", chatBody("mock-usage")).status, 200);
    }

    void clientDisconnectCancelsUpstream()
    {
        GatewayRig rig;
        rig.openai.setDripDelay(std::chrono::milliseconds(30)); // 100 pieces: 3 s if not cancelled
        ts::net::HttpRequest request;
        request.url = rig.url("/v1/chat/completions");
        request.body = chatBody("mock-drip", true).dump();
        int blocks = 0;
        const auto started = std::chrono::steady_clock::now();
        ts::net::perform(request, nullptr, {}, [&](std::string_view) { return ++blocks < 4; });
        const auto traces = rig.traces(1, std::chrono::seconds(5));
        const auto took = std::chrono::steady_clock::now() - started;
        QCOMPARE(traces.size(), std::size_t(1));
        QCOMPARE(traces[0].summary.status, std::string("cancelled"));
        QVERIFY2(took < std::chrono::milliseconds(2000), "the upstream call ran on after the client left");
    }

    void otlpImport()
    {
        GatewayRig rig;
        const json body = json::parse(R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"agent-app"}}]},
          "scopeSpans":[{"scope":{"name":"my.library"},"spans":[
            {"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B173","name":"invoke_agent planner",
             "startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712662000000000","kind":2,
             "status":{"code":1}},
            {"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174","parentSpanId":"EEE19B7EC3C1B173",
             "name":"chat gpt-4o","startTimeUnixNano":"1544712660500000000","endTimeUnixNano":"1544712661500000000","kind":3,
             "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                           {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},
                           {"key":"gen_ai.usage.input_tokens","value":{"intValue":"100"}},
                           {"key":"gen_ai.usage.output_tokens","value":{"intValue":42}},
                           {"key":"gen_ai.request.temperature","value":{"doubleValue":0.2}},
                           {"key":"gen_ai.response.finish_reasons","value":{"arrayValue":{"values":[{"stringValue":"stop"}]}}}]}]}]}]})");
        const auto res = rig.post("/v1/traces", body);
        QCOMPARE(res.status, 200);
        QVERIFY(json::parse(res.body) == json::parse(R"({"partialSuccess":{}})"));
        const auto traces = rig.traces();
        QCOMPARE(traces.size(), std::size_t(1));
        const ts::Trace& t = traces[0];
        QCOMPARE(t.traceId, std::string("5b8efff798038103d269b633813fc60c"));
        QCOMPARE(t.spans.size(), std::size_t(2));
        QCOMPARE(t.root()->name, std::string("invoke_agent planner"));
        QCOMPARE(t.root()->attrString("service.name"), std::string("agent-app"));
        QCOMPARE(t.summary.model, std::string("gpt-4o"));
        QCOMPARE(t.summary.inputTokens, std::int64_t(100));
        QCOMPARE(t.summary.outputTokens, std::int64_t(42));
        QCOMPARE(t.summary.source, std::string("otlp"));
        QCOMPARE(t.summary.durationMs, 2000.0);
        const ts::Span* call = t.findSpan("eee19b7ec3c1b174");
        QVERIFY(call);
        QCOMPARE(call->kind, ts::SpanKind::Client);
        QCOMPARE(call->attrDouble("gen_ai.request.temperature").value_or(0), 0.2);

        ts::net::HttpRequest proto;
        proto.url = rig.url("/v1/traces");
        proto.body = std::string("\x0a\x02", 2);
        proto.headers = {{"Content-Type", "application/x-protobuf"}};
        const auto refused = ts::net::perform(proto);
        QCOMPARE(refused.status, 415);
        QVERIFY(refused.body.find("http/json") != std::string::npos);
    }

    void requestSizeLimit()
    {
        GatewayRig rig;
        json body = chatBody("mock-usage");
        body["messages"][1]["content"] = std::string(33u << 20, 'a');
        QCOMPARE(rig.post("/v1/chat/completions", body).status, 413);
    }

private:
    static void net_post_raw(const GatewayRig& rig, const std::string& path, const std::string& body, int status,
                             const std::string& needle)
    {
        ts::net::HttpRequest request;
        request.url = rig.url(path);
        request.body = body;
        const auto res = ts::net::perform(request);
        QCOMPARE(res.status, status);
        QVERIFY2(res.body.find(needle) != std::string::npos, res.body.c_str());
    }
};

QTEST_GUILESS_MAIN(TestGatewayServer)
#include "test_gateway_server.moc"
