// The chat completion body the OpenAI-compatible provider sends, written without a DOM: it must be
// the text nlohmann wrote for the same request (sorted keys, compact), whatever the request holds.
#include "providers/openai_request_body.h"

#include <nlohmann/json.hpp>

#include <QTest>
#include <stdexcept>

using namespace ts;
using nlohmann::json;

namespace {

QByteArray bodyOf(const ChatRequest& request) { return QByteArray::fromStdString(openai::requestBody(request)); }

QByteArray compact(const json& value) { return QByteArray::fromStdString(value.dump()); }

ChatRequest everything()
{
    ChatRequest r;
    r.model = "gpt-4o-mini";
    r.messages = {{Role::System, "Be \"brief\".\n", {}, {}, {}},
                  {Role::User, "Look:", {}, {}, "ann"},
                  {Role::Assistant, "", {{"call_1", "get_weather", R"({"city":"Paris"})"}}, {}, {}},
                  {Role::Tool, R"({"temp_c":21})", {}, "call_1", "ignored"}};
    r.messages[1].images = {{"image/png", "iVBORw0KGgo=", ""}, {"", "", "https://example.com/cat.jpg"}};
    r.tools = {{"get_weather", "Weather for a city", R"({"type":"object", "required":["city"]})"},
               {"now", "", ""}};
    r.temperature = 0.25;
    r.topP = 1.0;
    r.maxTokens = 256;
    r.seed = -42;
    r.responseFormat = {ResponseFormat::Type::JsonSchema, "", R"({ "type" : "object" })", false};
    r.stream = true;
    return r;
}

} // namespace

class TestOpenAIRequestBody : public QObject
{
    Q_OBJECT

  private slots:
    void everyFieldAsNlohmannWroteIt()
    {
        const json call{{"id", "call_1"},
                        {"type", "function"},
                        {"function", {{"name", "get_weather"}, {"arguments", R"({"city":"Paris"})"}}}};
        const json parts = json::array(
            {{{"type", "text"}, {"text", "Look:"}},
             {{"type", "image_url"}, {"image_url", {{"url", "data:image/png;base64,iVBORw0KGgo="}}}},
             {{"type", "image_url"}, {"image_url", {{"url", "https://example.com/cat.jpg"}}}}});
        const json expected = {
            {"model", "gpt-4o-mini"},
            {"messages",
             {{{"role", "system"}, {"content", "Be \"brief\".\n"}},
              {{"role", "user"}, {"content", parts}, {"name", "ann"}},
              {{"role", "assistant"}, {"content", nullptr}, {"tool_calls", json::array({call})}},
              {{"role", "tool"}, {"content", R"({"temp_c":21})"}, {"tool_call_id", "call_1"}}}},
            {"tools",
             {{{"type", "function"},
               {"function",
                {{"name", "get_weather"},
                 {"description", "Weather for a city"},
                 {"parameters", {{"type", "object"}, {"required", {"city"}}}}}}},
              {{"type", "function"}, {"function", {{"name", "now"}}}}}},
            {"temperature", 0.25},
            {"top_p", 1.0},
            {"max_completion_tokens", 256},
            {"seed", -42},
            {"response_format",
             {{"type", "json_schema"},
              {"json_schema", {{"name", "response"}, {"schema", {{"type", "object"}}}, {"strict", false}}}}},
            {"stream", true},
            {"stream_options", {{"include_usage", true}}}};
        QCOMPARE(bodyOf(everything()), compact(expected));
    }

    void plainRequest()
    {
        ChatRequest r;
        r.model = "m";
        r.messages = {{Role::User, "hi", {}, {}, {}}};
        r.stream = false;
        QCOMPARE(bodyOf(r), QByteArray(R"({"messages":[{"content":"hi","role":"user"}],"model":"m","stream":false})"));
        r.responseFormat.type = ResponseFormat::Type::JsonObject;
        r.messages.clear();
        QCOMPARE(bodyOf(r), QByteArray(R"({"messages":[],"model":"m","response_format":{"type":"json_object"},"stream":false})"));
    }

    // Text that is not UTF-8 is replaced, control characters escaped: the body always parses.
    void awkwardTextStillParses()
    {
        ChatRequest r;
        r.model = "m";
        r.messages = {{Role::User, std::string("a\x01\xC3(\xE2\x82\xAC", 7), {}, {}, {}}};
        const json sent = json::parse(openai::requestBody(r));
        QCOMPARE(QByteArray::fromStdString(sent["messages"][0]["content"].get<std::string>()),
                 QByteArray("a\x01\xEF\xBF\xBD(\xE2\x82\xAC"));
    }

    // A tool's parameters are checked before the response schema, as they always were.
    void invalidJsonIsRefused()
    {
        ChatRequest r = everything();
        r.responseFormat.schemaJson = "{not json";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, openai::requestBody(r));
        r.tools[0].parametersJson = "[1,";
        try {
            openai::requestBody(r);
            QFAIL("no exception");
        } catch (const std::invalid_argument& e) {
            QCOMPARE(QByteArray(e.what()), QByteArray("tool get_weather: parameters are not valid JSON"));
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenAIRequestBody)
#include "test_openai_request_body.moc"
