// The exact cache's request key: what changes an answer is in it, what does not is left out, and
// the same request written differently (key order, whitespace under "collapse") keys the same.
#include "cache/request_key.h"
#include "tokens/sha256.h"

#include <QTest>

#include "qtest_std_string.h"

#include <functional>

using namespace ts;
using namespace ts::cache;
using namespace Qt::StringLiterals;

namespace {

using Change = std::function<void(ChatRequest&)>;

ChatRequest baseRequest()
{
    ChatRequest r;
    r.provider = "openai";
    r.model = "gpt-4o-mini";
    r.messages = {{Role::System, "You answer briefly."}, {Role::User, "What is the capital of France?"}};
    r.tools = {{"lookup", "Looks a city up", R"({"type":"object","properties":{"city":{"type":"string"},"country":{"type":"string"}}})"}};
    r.temperature = 0.2;
    r.maxTokens = 200;
    r.meta = {.user = "ada", .session = "s1", .tags = {"eval"}, .source = "playground"};
    return r;
}

std::string keyOf(const ChatRequest& r, KeyPolicy policy = {})
{
    return requestKey(r, policy).digest;
}

} // namespace

Q_DECLARE_METATYPE(Change)

class TestRequestKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void digestIsTheSha256OfTheCanonicalJson()
    {
        QCOMPARE(sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        const RequestKey key = requestKey(baseRequest());
        QCOMPARE(key.digest, sha256Hex(key.canonical));
        QCOMPARE(key.digest.size(), std::size_t{64});
        QCOMPARE(key.user, std::string("ada"));
        QVERIFY(key.canonical.find("What is the capital of France?") != std::string::npos);
    }

    void jsonKeyOrderDoesNotMatter()
    {
        ChatRequest a = baseRequest();
        ChatRequest b = baseRequest();
        b.tools[0].parametersJson =
            R"({ "properties": {"country": {"type": "string"}, "city": {"type": "string"}}, "type": "object" })";
        a.responseFormat = {ResponseFormat::Type::JsonSchema, "answer", R"({"type":"object","required":["x"]})", true};
        b.responseFormat = {ResponseFormat::Type::JsonSchema, "answer", R"({"required":["x"],"type":"object"})", true};
        Message call{Role::Assistant, "", {{"c1", "lookup", R"({"city":"Paris","country":"FR"})", {}}}, {}, {}, {}, {}};
        a.messages.push_back(call);
        call.toolCalls[0].arguments = R"({"country": "FR", "city": "Paris"})";
        b.messages.push_back(call);
        QCOMPARE(keyOf(a), keyOf(b));
        // The canonical text has its keys sorted whatever order they came in.
        QVERIFY(requestKey(b).canonical.find(R"({"city":{"type":"string"},"country")") != std::string::npos);
    }

    void whatDoesNotChangeTheAnswerIsLeftOut_data()
    {
        QTest::addColumn<Change>("change");
        QTest::newRow("stream flag") << Change([](ChatRequest& r) { r.stream = !r.stream; });
        QTest::newRow("session") << Change([](ChatRequest& r) { r.meta.session = "another"; });
        QTest::newRow("tags") << Change([](ChatRequest& r) { r.meta.tags = {"prod", "x"}; });
        QTest::newRow("source") << Change([](ChatRequest& r) { r.meta.source = "gateway"; });
        QTest::newRow("virtual key") << Change([](ChatRequest& r) { r.meta.apiKeyName = "team"; });
        QTest::newRow("prompt-cache breakpoint") << Change([](ChatRequest& r) { r.messages[0].cacheBreakpoint = "1h"; });
    }

    void whatDoesNotChangeTheAnswerIsLeftOut()
    {
        QFETCH(Change, change);
        ChatRequest changed = baseRequest();
        change(changed);
        QCOMPARE(keyOf(changed), keyOf(baseRequest()));
    }

    void whatChangesTheAnswerIsIn_data()
    {
        QTest::addColumn<Change>("change");
        QTest::newRow("model") << Change([](ChatRequest& r) { r.model = "gpt-4o"; });
        QTest::newRow("provider") << Change([](ChatRequest& r) { r.provider = "azure"; });
        QTest::newRow("message text") << Change([](ChatRequest& r) { r.messages[1].content += "?"; });
        QTest::newRow("role") << Change([](ChatRequest& r) { r.messages[0].role = Role::User; });
        QTest::newRow("a message more") << Change([](ChatRequest& r) { r.messages.push_back({Role::User, "and Spain?"}); });
        QTest::newRow("temperature") << Change([](ChatRequest& r) { r.temperature = 0.3; });
        QTest::newRow("temperature unset") << Change([](ChatRequest& r) { r.temperature.reset(); });
        QTest::newRow("top_p") << Change([](ChatRequest& r) { r.topP = 0.9; });
        QTest::newRow("max tokens") << Change([](ChatRequest& r) { r.maxTokens = 201; });
        QTest::newRow("seed") << Change([](ChatRequest& r) { r.seed = 7; });
        QTest::newRow("tool description") << Change([](ChatRequest& r) { r.tools[0].description = "Finds a city"; });
        QTest::newRow("no tools") << Change([](ChatRequest& r) { r.tools.clear(); });
        QTest::newRow("json mode") << Change([](ChatRequest& r) { r.responseFormat.type = ResponseFormat::Type::JsonObject; });
        QTest::newRow("image") << Change([](ChatRequest& r) { r.messages[1].images = {{"image/png", "iVBORw0KGgo=", {}}}; });
        QTest::newRow("user") << Change([](ChatRequest& r) { r.meta.user = "grace"; });
        QTest::newRow("no user") << Change([](ChatRequest& r) { r.meta.user.clear(); });
    }

    void whatChangesTheAnswerIsIn()
    {
        QFETCH(Change, change);
        ChatRequest changed = baseRequest();
        change(changed);
        QVERIFY(keyOf(changed) != keyOf(baseRequest()));
    }

    void imagesAreKeyedByTheirBytes()
    {
        ChatRequest a = baseRequest();
        ChatRequest b = baseRequest();
        a.messages[1].images = {{"image/png", "AAAA", {}}};
        b.messages[1].images = {{"image/png", "AAAB", {}}};
        QVERIFY(keyOf(a) != keyOf(b));
        QVERIFY(requestKey(a).canonical.find("AAAA") == std::string::npos); // a hash, not the data
    }

    void whitespacePolicy_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<bool>("sameUnderExact");
        QTest::addColumn<bool>("sameUnderCollapse");
        QTest::newRow("as it is") << u"What is the capital of France?"_s << true << true;
        QTest::newRow("double space") << u"What is  the capital of France?"_s << false << true;
        QTest::newRow("newline and tab") << u"What is\n\tthe capital of France?"_s << false << true;
        QTest::newRow("trailing newline") << u"What is the capital of France?\n"_s << false << true;
        QTest::newRow("leading spaces") << u"   What is the capital of France?"_s << false << true;
        QTest::newRow("a space removed") << u"What isthe capital of France?"_s << false << false;
        QTest::newRow("case") << u"what is the capital of France?"_s << false << false;
    }

    void whitespacePolicy()
    {
        QFETCH(QString, written);
        QFETCH(bool, sameUnderExact);
        QFETCH(bool, sameUnderCollapse);
        ChatRequest r = baseRequest();
        r.messages[1].content = written.toStdString();
        const KeyPolicy exact{WhitespacePolicy::Exact, false};
        const KeyPolicy collapse{WhitespacePolicy::Collapse, false};
        QCOMPARE(keyOf(r, exact) == keyOf(baseRequest(), exact), sameUnderExact);
        QCOMPARE(keyOf(r, collapse) == keyOf(baseRequest(), collapse), sameUnderCollapse);
    }

    void thePoliciesNeverShareKeys()
    {
        // An entry written under one policy is not read under the other.
        QVERIFY(keyOf(baseRequest(), {WhitespacePolicy::Exact, false}) !=
                keyOf(baseRequest(), {WhitespacePolicy::Collapse, false}));
    }

    void collapseWhitespace_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only whitespace") << u" \n\t "_s << QString();
        QTest::newRow("runs") << u"a  b\n\nc\r\nd"_s << u"a b c d"_s;
        QTest::newRow("ends") << u"\t a b \n"_s << u"a b"_s;
        QTest::newRow("non-ASCII kept") << u"caf\u00E9  \u00E0 Paris"_s << u"caf\u00E9 \u00E0 Paris"_s;
    }

    void collapseWhitespace()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(cache::collapseWhitespace(text.toStdString()), expected.toStdString());
    }

    void usersAreSeparateUnlessShared()
    {
        ChatRequest ada = baseRequest();
        ChatRequest grace = baseRequest();
        grace.meta.user = "grace";
        QVERIFY(keyOf(ada) != keyOf(grace));
        const KeyPolicy shared{WhitespacePolicy::Exact, true};
        QCOMPARE(keyOf(ada, shared), keyOf(grace, shared));
        QCOMPARE(requestKey(ada, shared).user, std::string());
    }

    void textThatIsNotUtf8StillKeysExactly()
    {
        ChatRequest a = baseRequest();
        ChatRequest b = baseRequest();
        a.messages[1].content = "bad \xff byte";
        b.messages[1].content = "bad \xfe byte";
        QVERIFY(keyOf(a) != keyOf(b));
        QCOMPARE(keyOf(a), keyOf(a));
    }
};

QTEST_GUILESS_MAIN(TestRequestKey)
#include "test_request_key.moc"
