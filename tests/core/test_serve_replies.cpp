// The gateway's replies are written straight into a string; these hold them to the nlohmann objects
// they used to be built from (formats.md §1.2, §1.4, §2.4, §2.5), byte for byte.
#include "serve/anthropic_reply.h"
#include "serve/anthropic_sse_writer.h"
#include "serve/openai_reply.h"
#include "serve/openai_sse_writer.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace ts;
using namespace ts::serve;
using nlohmann::json;

namespace {

QByteArray text(const json& value) { return QByteArray::fromStdString(value.dump(-1, ' ', false, json::error_handler_t::replace)); }
QByteArray bytes(const std::string& s) { return QByteArray::fromStdString(s); }

const ReplyHeader kHeader{"chatcmpl-abc", 1700000000, "gpt-4o-mini"};

ChatResponse withText(std::string answer)
{
    ChatResponse r;
    r.text = std::move(answer);
    r.finishReason = "stop";
    r.usage = {120, 30, 100, 5, 0, 12, true};
    return r;
}

ChatResponse withCalls(std::string answer)
{
    ChatResponse r = withText(std::move(answer));
    r.finishReason = "";
    r.toolCalls = {{"call_1", "get_weather", R"({"city":"Paris","n":[1,2]})", ""}, {"call_2", "now", "not json", ""}};
    return r;
}

json openAIUsage(const Usage& u)
{
    return {{"prompt_tokens", u.inputTokens},
            {"completion_tokens", u.outputTokens},
            {"total_tokens", u.totalTokens()},
            {"prompt_tokens_details", {{"cached_tokens", u.cacheReadTokens}}},
            {"completion_tokens_details", {{"reasoning_tokens", u.reasoningTokens}}}};
}

json anthropicUsage(const Usage& u)
{
    return {{"input_tokens", std::max<std::int64_t>(0, u.inputTokens - u.cacheReadTokens - u.cacheWriteTokens)},
            {"cache_creation_input_tokens", u.cacheWriteTokens},
            {"cache_read_input_tokens", u.cacheReadTokens},
            {"output_tokens", u.outputTokens}};
}

json openAICompletion(const ChatResponse& r)
{
    json message = {{"role", "assistant"}, {"content", r.text}, {"refusal", nullptr}};
    if (!r.toolCalls.empty()) {
        for (const ToolCall& c : r.toolCalls)
            message["tool_calls"].push_back(
                {{"id", c.id}, {"type", "function"}, {"function", {{"name", c.name}, {"arguments", c.arguments}}}});
        if (r.text.empty())
            message["content"] = nullptr;
    }
    return {{"id", kHeader.id},
            {"object", "chat.completion"},
            {"created", kHeader.created},
            {"model", kHeader.model},
            {"choices", json::array({{{"index", 0},
                                      {"message", message},
                                      {"logprobs", nullptr},
                                      {"finish_reason", r.toolCalls.empty() ? "stop" : "tool_calls"}}})},
            {"usage", openAIUsage(r.usage)}};
}

json anthropicMessage(const ChatResponse& r)
{
    json content = json::array();
    if (!r.text.empty() || r.toolCalls.empty())
        content.push_back({{"type", "text"}, {"text", r.text}});
    for (const ToolCall& c : r.toolCalls) {
        const json input = json::parse(c.arguments, nullptr, false);
        content.push_back({{"type", "tool_use"}, {"id", c.id}, {"name", c.name}, {"input", input.is_object() ? input : json::object()}});
    }
    return {{"id", kHeader.id},       {"type", "message"},
            {"role", "assistant"},    {"model", kHeader.model},
            {"content", content},     {"stop_reason", r.toolCalls.empty() ? "end_turn" : "tool_use"},
            {"stop_sequence", nullptr}, {"usage", anthropicUsage(r.usage)}};
}

QByteArray sseEvent(std::string_view name, const json& data)
{
    return QByteArray("event: ") + QByteArray(name.data(), static_cast<qsizetype>(name.size())) + "\ndata: " + text(data) + "\n\n";
}

} // namespace

class TestServeReplies : public QObject
{
    Q_OBJECT

  private slots:
    void replies_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("text") << 0 << QByteArray("Hello, \"world\"\n\ttab \x01 caf\xC3\xA9 \xF0\x9F\x98\x80 \\");
        QTest::newRow("not utf8") << 0 << QByteArray("bad \xC3( and \xE2\x82");
        QTest::newRow("empty text") << 0 << QByteArray();
        QTest::newRow("tool calls") << 1 << QByteArray();
        QTest::newRow("tool calls and text") << 1 << QByteArray("Let me look.");
    }

    void replies()
    {
        QFETCH(int, shape);
        QFETCH(QByteArray, answer);
        const ChatResponse r = shape ? withCalls(answer.toStdString()) : withText(answer.toStdString());
        QCOMPARE(bytes(openAICompletionJson(kHeader, r)), text(openAICompletion(r)));
        QCOMPARE(bytes(anthropicMessageJson(kHeader, r)), text(anthropicMessage(r)));
    }

    void errors_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("param");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("auth") << int(GatewayError::Kind::Authentication) << QByteArray() << QByteArray();
        QTest::newRow("param and code") << int(GatewayError::Kind::NotFound) << QByteArray("model") << QByteArray("model_not_found");
        QTest::newRow("rate limited") << int(GatewayError::Kind::RateLimited) << QByteArray() << QByteArray("x");
    }

    void errors()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, param);
        QFETCH(QByteArray, code);
        const GatewayError e{static_cast<GatewayError::Kind>(kind), "Nope: \"quoted\"\n", param.toStdString(), code.toStdString(),
                             std::nullopt};
        const json openAIParam = e.param.empty() ? json(nullptr) : json(e.param);
        const std::string openAICode = e.code.empty() && e.kind == GatewayError::Kind::Authentication ? "invalid_api_key" : e.code;
        const json openAI = {{"error",
                              {{"message", e.message},
                               {"type", json::parse(openAIErrorJson(e))["error"]["type"]},
                               {"param", openAIParam},
                               {"code", openAICode.empty() ? json(nullptr) : json(openAICode)}}}};
        QCOMPARE(bytes(openAIErrorJson(e)), text(openAI));
        const json anthropic = {{"type", "error"},
                                {"error", {{"type", json::parse(anthropicErrorJson(e))["error"]["type"]}, {"message", e.message}}}};
        QCOMPARE(bytes(anthropicErrorJson(e)), text(anthropic));
    }

    void openAIStreamEnd()
    {
        const ChatResponse r = withCalls("");
        const OpenAISseWriter writer(kHeader, true);
        const QByteArray prefix = R"(data: {"id":"chatcmpl-abc","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini",)";
        QByteArray expected;
        for (std::size_t i = 0; i < r.toolCalls.size(); ++i) {
            const ToolCall& c = r.toolCalls[i];
            const json delta = {{"tool_calls", json::array({{{"index", i},
                                                             {"id", c.id},
                                                             {"type", "function"},
                                                             {"function", {{"name", c.name}, {"arguments", c.arguments}}}}})}};
            expected += prefix + R"("choices":[{"index":0,"delta":)" + text(delta) + R"(,"logprobs":null,"finish_reason":null}]})" + "\n\n";
        }
        expected += prefix + R"("choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}]})" + "\n\n";
        expected += prefix + R"("choices":[],"usage":)" + text(openAIUsage(r.usage)) + "}\n\n";
        expected += "data: [DONE]\n\n";
        QCOMPARE(bytes(writer.finish(r)), expected);
    }

    void anthropicStream()
    {
        const ChatResponse r = withCalls("Hi");
        AnthropicSseWriter writer(kHeader);
        const json startMessage = {{"id", kHeader.id},         {"type", "message"},      {"role", "assistant"},
                                   {"model", kHeader.model},   {"content", json::array()}, {"stop_reason", nullptr},
                                   {"stop_sequence", nullptr}, {"usage", anthropicUsage({})}};
        QCOMPARE(bytes(writer.start()), sseEvent("message_start", {{"type", "message_start"}, {"message", startMessage}}) +
                                            "event: ping\ndata: {\"type\": \"ping\"}\n\n");
        const QByteArray opened = bytes(writer.text("Hi"));
        QVERIFY(opened.startsWith(sseEvent("content_block_start", {{"type", "content_block_start"},
                                                                {"index", 0},
                                                                {"content_block", {{"type", "text"}, {"text", ""}}}})));
        QByteArray expected = sseEvent("content_block_stop", {{"type", "content_block_stop"}, {"index", 0}});
        int index = 1;
        for (const ToolCall& c : r.toolCalls) {
            expected += sseEvent("content_block_start",
                              {{"type", "content_block_start"},
                               {"index", index},
                               {"content_block", {{"type", "tool_use"}, {"id", c.id}, {"name", c.name}, {"input", json::object()}}}});
            expected += sseEvent("content_block_delta", {{"type", "content_block_delta"},
                                                      {"index", index},
                                                      {"delta", {{"type", "input_json_delta"}, {"partial_json", c.arguments}}}});
            expected += sseEvent("content_block_stop", {{"type", "content_block_stop"}, {"index", index++}});
        }
        expected += sseEvent("message_delta", {{"type", "message_delta"},
                                            {"delta", {{"stop_reason", "tool_use"}, {"stop_sequence", nullptr}}},
                                            {"usage", anthropicUsage(r.usage)}});
        expected += sseEvent("message_stop", {{"type", "message_stop"}});
        QCOMPARE(bytes(writer.finish(r)), expected);
    }
};

QTEST_GUILESS_MAIN(TestServeReplies)
#include "test_serve_replies.moc"
