// Per-model counting: exact chat-format counts for OpenAI models, labelled estimates elsewhere.
#include "qtest_std_string.h"
#include "tokens/bpe_encoder.h"
#include "tokens/model_tokens.h"

#include <QtTest/QTest>

using ts::Message;
using ts::ModelTokenCounter;
using ts::Role;

namespace {

Message msg(Role role, std::string content, std::string name = {})
{
    Message m;
    m.role = role;
    m.content = std::move(content);
    m.name = std::move(name);
    return m;
}

// The OpenAI cookbook's "How to count tokens with tiktoken" example, whose counts the cookbook
// checks against the API's prompt_tokens: 129 for gpt-3.5-turbo and gpt-4, 124 for gpt-4o.
std::vector<Message> cookbookExample()
{
    return {
        msg(Role::System, "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."),
        msg(Role::System, "New synergies will help drive top-line growth.", "example_user"),
        msg(Role::System, "Things working well together will increase revenue.", "example_assistant"),
        msg(Role::System, "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.", "example_user"),
        msg(Role::System, "Let's talk later when we're less busy about how to do better.", "example_assistant"),
        msg(Role::User, "This late pivot means we don't have time to boil the ocean for the client deliverable."),
    };
}

} // namespace

class TestModelTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chatFormatMatchesTheApi()
    {
        const auto o200k = ModelTokenCounter("o200k_base").countChat(cookbookExample());
        QCOMPARE(o200k.tokens, std::int64_t{124});
        QVERIFY(o200k.exact);
        const auto cl100k = ModelTokenCounter("cl100k_base").countChat(cookbookExample());
        QCOMPARE(cl100k.tokens, std::int64_t{129});
        // Framing: 3 a message, the role's token, 1 + the name's tokens for a name, 3 to prime.
        QVERIFY(cl100k.overheadTokens > 6 * 4 + 3);
    }

    void modelsPickTheirTokenizer()
    {
        QCOMPARE(ModelTokenCounter::forModel("gpt-4o-mini").tokenizer(), std::string("o200k_base"));
        QCOMPARE(ModelTokenCounter::forModel("gpt-4o-2024-08-06").tokenizer(), std::string("o200k_base"));
        QCOMPARE(ModelTokenCounter::forModel("gpt-3.5-turbo").tokenizer(), std::string("cl100k_base"));
        QVERIFY(!ModelTokenCounter::forModel("claude-sonnet-4-20250514").exact());
        QVERIFY(!ModelTokenCounter::forModel("some-unknown-model").exact());
    }

    void textCountsEqualTheEncoder()
    {
        const std::string text = "Tokenscope counts tokens exactly: naïve café, 東京, 🙂 and 12345.";
        const auto c = ModelTokenCounter("o200k_base").countText(text);
        QVERIFY(c.exact);
        QCOMPARE(c.method, std::string("o200k_base"));
        QCOMPARE(c.tokens, static_cast<std::int64_t>(ts::BpeEncoder::load("o200k_base")->count(text)));
    }

    void otherFamiliesAreLabelledEstimates()
    {
        for (const char* tokenizer : {"estimate:claude", "estimate:gemini", "estimate:llama", "estimate:generic"}) {
            const auto c = ModelTokenCounter(tokenizer).countText("Hello there, how are you today?");
            QVERIFY(!c.exact);
            QVERIFY(c.tokens > 0);
            QVERIFY2(c.method.starts_with("estimate"), c.method.c_str());
        }
        QVERIFY(ModelTokenCounter("estimate:claude").countText("x").method.find("count_tokens") != std::string::npos);
        const auto chat = ModelTokenCounter("estimate:claude").countChat(cookbookExample());
        QVERIFY(!chat.exact);
    }

    void toolsAddTokensAndAreMarkedEstimated()
    {
        ts::ToolDefinition weather{"get_current_weather", "Get the current weather in a given location.",
                                   R"({"type":"object","properties":{"location":{"type":"string","description":"The city"},)"
                                   R"("unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["location"]})"};
        const std::vector<Message> messages{msg(Role::User, "What's the weather in Paris?")};
        const ModelTokenCounter counter("o200k_base");
        const auto plain = counter.countChat(messages);
        const auto withTools = counter.countChat(messages, {weather});
        QVERIFY(plain.exact);
        QVERIFY(!withTools.exact);
        QVERIFY(withTools.toolsEstimated);
        // 7 + "get_current_weather:Get the current weather in a given location" + 3 + 2 properties
        // (3 each + their lines) + enum (-3 + 3 per item + the items) + 12.
        QVERIFY(withTools.tokens - plain.tokens > 30);
        QVERIFY(withTools.tokens - plain.tokens < 60);
        ts::ToolDefinition broken{"f", "d", "not json"};
        QVERIFY(counter.countChat(messages, {broken}).tokens > plain.tokens);
    }

    void invalidUtf8IsCountedNotRejected()
    {
        const std::string bad("abc\xff\xfe def \xc3", 11);
        const auto c = ModelTokenCounter("cl100k_base").countText(bad);
        QVERIFY(c.tokens >= 4);
    }
};

QTEST_GUILESS_MAIN(TestModelTokens)
#include "test_model_tokens.moc"
