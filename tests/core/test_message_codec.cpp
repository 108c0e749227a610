// The one reader of logged conversations (message_codec.h) and of logged timestamps (log_time.h).
#include "trace/import/log_time.h"
#include "trace/import/message_codec.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace ts;
using nlohmann::json;

namespace {

std::vector<Message> read(const char* text, bool reply = false)
{
    std::vector<Message> out;
    const std::string why = reply ? import::readReply(json::parse(text), out) : import::readMessages(json::parse(text), out);
    if (!why.empty())
        qFatal("unexpected refusal: %s", why.c_str());
    return out;
}

} // namespace

class TestMessageCodec : public QObject
{
    Q_OBJECT

private slots:
    void genAiFormRoundTripsEveryField()
    {
        Message system{Role::System, "Be brief.", {}, {}, {}, {}, "1h"};
        Message user{Role::User, "What is in this picture?", {}, {}, "ana", {}, {}};
        user.images = {{"image/png", "iVBORw0KGgo=", {}}, {"image/jpeg", {}, "https://example.com/cat.jpg"}};
        Message assistant{Role::Assistant, "", {{"call_1", "get_weather", "{\"city\": \"Paris\"}", "sig=="}}, {}, {}, {}, {}};
        Message tool{Role::Tool, "{\"temp\":12}", {}, "call_1", {}, {}, {}};
        const std::vector<Message> messages{system, user, assistant, tool};
        const json encoded = import::toGenAiMessages(messages);
        QCOMPARE(encoded[3]["parts"][0]["type"].get<std::string>(), std::string("tool_call_response"));
        QCOMPARE(encoded[2]["parts"][0]["arguments"].get<std::string>(), std::string("{\"city\": \"Paris\"}"));
        std::vector<Message> back;
        QCOMPARE(import::readMessages(json::parse(encoded.dump()), back), std::string());
        QVERIFY(back == messages);
    }

    void openAiChatMessages()
    {
        const auto m = read(R"([{"role":"developer","content":"Rules"},
            {"role":"user","content":[{"type":"text","text":"Look: "},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]},
            {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},
            {"role":"tool","tool_call_id":"c1","content":"done"}])");
        QCOMPARE(m.size(), std::size_t(4));
        QCOMPARE(m[0].role, Role::System);
        QCOMPARE(m[1].content, std::string("Look: "));
        QCOMPARE(m[1].images.size(), std::size_t(1));
        QCOMPARE(m[1].images[0].mediaType, std::string("image/png"));
        QCOMPARE(m[1].images[0].base64, std::string("AAAA"));
        QCOMPARE(m[2].toolCalls[0].name, std::string("f"));
        QCOMPARE(m[3].toolCallId, std::string("c1"));
        QCOMPARE(m[3].content, std::string("done"));
    }

    void anthropicBlocksAndToolResults()
    {
        const auto m = read(R"({"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"calc","input":{"x":1}}]},
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"2"}]},
                                      {"type":"text","text":"thanks","cache_control":{"type":"ephemeral"}}]}]})");
        QCOMPARE(m.size(), std::size_t(3));
        QCOMPARE(m[0].toolCalls[0].arguments, std::string("{\"x\":1}"));
        QCOMPARE(m[1].role, Role::Tool);
        QCOMPARE(m[1].content, std::string("2"));
        QCOMPARE(m[2].content, std::string("thanks"));
        QCOMPARE(m[2].cacheBreakpoint, std::string("5m"));
    }

    void langChainSerialisedMessages()
    {
        const auto m = read(R"([{"lc":1,"type":"constructor","id":["langchain","schema","messages","SystemMessage"],"kwargs":{"content":"sys"}},
            {"type":"human","data":{"content":"hi"}}, "plain prompt"])");
        QCOMPARE(m.size(), std::size_t(3));
        QCOMPARE(m[0].role, Role::System);
        QCOMPARE(m[1].role, Role::User);
        QCOMPARE(m[1].content, std::string("hi"));
        QCOMPARE(m[2].content, std::string("plain prompt"));
    }

    void repliesInTheirShapes()
    {
        QCOMPARE(read(R"({"choices":[{"message":{"role":"assistant","content":"A"}}]})", true)[0].content, std::string("A"));
        QCOMPARE(read(R"({"role":"assistant","type":"message","content":[{"type":"text","text":"B"}]})", true)[0].content,
                 std::string("B"));
        QCOMPARE(read(R"({"generations":[[{"text":"C"}]]})", true)[0].content, std::string("C"));
        QCOMPARE(read(R"({"output":[{"type":"reasoning"},{"type":"message","role":"assistant","content":[{"type":"output_text","text":"D"}]}]})", true)[0].content,
                 std::string("D"));
        const auto bare = read(R"("E")", true);
        QCOMPARE(bare[0].role, Role::Assistant);
    }

    void refusalsSayWhyAndAddNothing()
    {
        std::vector<Message> out;
        QCOMPARE(import::readMessages(json::parse(R"([{"role":"user","content":"ok"},{"role":"wizard"}])"), out),
                 std::string("messages[1]: role 'wizard' is not one of system, developer, user, assistant, tool"));
        QVERIFY(out.empty());
        QVERIFY(!import::readMessages(json(42), out).empty());
        QVERIFY(!import::readReply(json::parse(R"({"choices":[]})"), out).empty());
    }

    void isoTimesWithZonesAndFractions()
    {
        QCOMPARE(*import::parseIsoTime("1970-01-01T00:00:01Z"), Nanos(1'000'000'000));
        QCOMPARE(*import::parseIsoTime("2025-03-14T09:26:53.123456789Z"), Nanos(1741944413123456789));
        QCOMPARE(*import::parseIsoTime("2025-03-14T11:26:53.5+02:00"), Nanos(1741944413500000000));
        QCOMPARE(*import::parseIsoTime("2025-03-14 09:26:53"), Nanos(1741944413000000000));
        QCOMPARE(*import::parseIsoTime("2025-03-14T04:56:53-0430"), Nanos(1741944413000000000));
        QVERIFY(!import::parseIsoTime("2025-13-01T00:00:00Z"));
        QVERIFY(!import::parseIsoTime("2025-03-14T09:26:53Zjunk"));
        QVERIFY(!import::parseIsoTime("yesterday"));
    }

    void epochNumbersByMagnitude()
    {
        QCOMPARE(*import::timeOf(json(1741944413)), Nanos(1741944413000000000));
        QCOMPARE(*import::timeOf(json(1741944413123LL)), Nanos(1741944413123000000));
        QCOMPARE(*import::timeOf(json(1741944413.25)), Nanos(1741944413250000000));
        QCOMPARE(*import::timeOf(json(1741944413123456789LL)), Nanos(1741944413123456789));
        QVERIFY(!import::timeOf(json(nullptr)));
        QVERIFY(!import::timeOf(json("not a time")));
    }
};

QTEST_APPLESS_MAIN(TestMessageCodec)
#include "test_message_codec.moc"
