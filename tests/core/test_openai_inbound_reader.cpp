// The DOM-less reading of a client's chat request must give what the full reading gives, and leave
// to it (decline) whatever it cannot read the same way, errors included.
#include "serve/openai_inbound.h"
#include "serve/openai_inbound_reader.h"
#include "random_edit.h"

#include <QTest>
#include <random>

using namespace ts;
using namespace ts::serve;

namespace {

// Empty when the quick reading agrees with the full one (or declined), else why not.
QString disagreement(std::string_view body)
{
    const std::optional<InboundChat> quick = readCommonOpenAIChat(body);
    if (!quick)
        return {};
    const InboundChat full = parseOpenAIChatFully(body);
    if (full.error)
        return QStringLiteral("took a body the full reading refuses: ") + QString::fromStdString(full.error->message);
    if (!(quick->request == full.request))
        return QStringLiteral("the requests differ");
    return quick->includeUsage == full.includeUsage ? QString() : QStringLiteral("include_usage differs");
}

const char* const kBenchBody = R"({"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are terse."},)"
                               R"({"role":"user","content":"Say hello to the benchmark."}],"max_tokens":32})";

} // namespace

class TestOpenAIInboundReader : public QObject
{
    Q_OBJECT

  private slots:
    void readsAsTheFullReadingDoes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("quick"); // the DOM-less reading takes it
        QTest::newRow("bench body") << QByteArray(kBenchBody) << true;
        QTest::newRow("every option") << QByteArray(
            R"({"model":"m","messages":[{"role":"developer","content":"Be brief."},{"role":"user","content":"hi",)"
            R"("name":"ann"},{"role":"tool","content":"{}","tool_call_id":"c1"},{"role":"assistant","content":null,)"
            R"("tool_calls":null}],"temperature":0.7,"top_p":1,"max_completion_tokens":64,"max_tokens":8,"seed":-3,)"
            R"("stream":true,"stream_options":{"include_usage":true,"x":1},"user":"u-1","n":1,"tools":null,)"
            R"("response_format":null,"logprobs":false,"metadata":{"a":[1,2]}})") << true;
        QTest::newRow("nulls") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"a"}],"temperature":null,"max_tokens":null,"seed":null,)"
            R"("user":5,"stream_options":"yes","n":"two"})") << true;
        QTest::newRow("duplicates, last wins") << QByteArray(
            R"({"model":"a","model":"b","messages":[{"role":"user","content":"x","content":"y"}],"temperature":1,)"
            R"("temperature":null,"stream":true,"stream":false})") << true;
        QTest::newRow("content not text") << QByteArray(R"({"model":"m","messages":[{"role":"user","content":7}]})") << true;
        QTest::newRow("content parts") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]})") << false;
        QTest::newRow("tool calls") << QByteArray(
            R"({"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","function":{"name":"f","arguments":"{}"}}]}]})")
                                    << false;
        QTest::newRow("tools") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"a"}],"tools":[{"type":"function","function":{"name":"f"}}]})")
                               << false;
        QTest::newRow("unknown role") << QByteArray(R"({"model":"m","messages":[{"role":"robot","content":"a"}]})") << false;
        QTest::newRow("n of two") << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"a"}],"n":2})") << false;
        QTest::newRow("no model") << QByteArray(R"({"messages":[{"role":"user","content":"a"}]})") << false;
        QTest::newRow("empty messages") << QByteArray(R"({"model":"m","messages":[]})") << false;
        QTest::newRow("stream null") << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"a"}],"stream":null})")
                                     << false;
        QTest::newRow("fractional max tokens") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"a"}],"max_tokens":3.0})") << false;
        QTest::newRow("not json") << QByteArray("model=m") << false;
    }

    void readsAsTheFullReadingDoes()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, quick);
        const std::string_view text(body.constData(), static_cast<std::size_t>(body.size()));
        QCOMPARE(readCommonOpenAIChat(text).has_value(), quick);
        const QString differs = disagreement(text);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        const InboundChat chosen = parseOpenAIChat(text), full = parseOpenAIChatFully(text);
        QVERIFY(chosen.request == full.request);
        QCOMPARE(chosen.error.has_value(), full.error.has_value());
    }

    void benchBodyFields()
    {
        const auto in = readCommonOpenAIChat(kBenchBody);
        QVERIFY(in);
        QCOMPARE(in->request.model, std::string("gpt-4o-mini"));
        QCOMPARE(in->request.messages.size(), std::size_t{2});
        QCOMPARE(in->request.messages[0].role, Role::System);
        QCOMPARE(in->request.maxTokens, std::optional<int>(32));
        QVERIFY(!in->request.stream);
    }

    // Edits of a body with every option: whatever the quick reading takes, it reads as the full one.
    void agreesOnMutations()
    {
        const std::string sample =
            R"({"model":"m","messages":[{"role":"user","content":"hi","name":"a"},{"role":"tool","content":"1",)"
            R"("tool_call_id":"c"}],"temperature":0.5,"max_tokens":10,"seed":1,"stream":true,)"
            R"("stream_options":{"include_usage":true},"user":"u","n":1})";
        const char bytes[] = {'"', '{', '}', '[', ']', ',', ':', '0', '1', '-', '.', 'n', 't', ' '};
        std::mt19937 rng(3);
        for (int round = 0; round < 4000; ++round) {
            std::string text = sample;
            for (int edits = 1 + static_cast<int>(rng() % 2); edits > 0; --edits)
                ts::test::editOnce(text, std::string_view(bytes, sizeof bytes), rng);
            const QString differs = disagreement(text);
            if (!differs.isEmpty())
                QFAIL(qPrintable(QString::fromStdString(text) + QStringLiteral("\n   ") + differs));
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenAIInboundReader)
#include "test_openai_inbound_reader.moc"
