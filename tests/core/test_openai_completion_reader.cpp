// The DOM-less reading of a chat completion must give what responseFrom() gives on nlohmann's DOM,
// and must decline (so the DOM reads it) whatever it cannot read the same way.
#include "providers/openai_completion_reader.h"
#include "providers/openai_wire.h"
#include "random_edit.h"

#include <nlohmann/json.hpp>

#include <QTest>
#include <random>

using namespace ts;
using nlohmann::json;

namespace {

// What the receiver makes of the body the full way, when it makes a response of it at all.
std::optional<ChatResponse> domReading(std::string_view body)
{
    const json parsed = json::parse(body, nullptr, false);
    if (!parsed.is_object() || (parsed.contains("error") && !parsed["error"].is_null()))
        return std::nullopt;
    return openai::responseFrom(parsed);
}

QString describe(const ChatResponse& r)
{
    QString calls;
    for (const ToolCall& c : r.toolCalls)
        calls += QStringLiteral("[%1 %2 %3]").arg(QString::fromStdString(c.id), QString::fromStdString(c.name),
                                                   QString::fromStdString(c.arguments));
    const Usage& u = r.usage;
    return QStringLiteral("id=%1 model=%2 text=%3 finish=%4 calls=%5 usage=%6/%7/%8/%9/%10 reported=%11 cost=%12")
        .arg(QString::fromStdString(r.id), QString::fromStdString(r.model), QString::fromStdString(r.text),
             QString::fromStdString(r.finishReason), calls)
        .arg(u.inputTokens).arg(u.outputTokens).arg(u.cacheReadTokens).arg(u.cacheWriteTokens).arg(u.reasoningTokens)
        .arg(u.reported)
        .arg(r.reportedCostUsd ? QString::number(*r.reportedCostUsd, 'g', 17) : QStringLiteral("none"));
}

// Empty when the fast reading agrees with the DOM (or declined), else what differs.
QString disagreement(std::string_view body)
{
    const std::optional<ChatResponse> fast = openai::readCompletion(body);
    if (!fast)
        return {};
    const std::optional<ChatResponse> dom = domReading(body);
    if (!dom)
        return QStringLiteral("read a body the DOM refuses");
    const QString a = describe(*fast), b = describe(*dom);
    return a == b ? QString() : QStringLiteral("fast: %1\n   dom: %2").arg(a, b);
}

const char* const kBenchReply =
    R"({"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",)"
    R"("choices":[{"index":0,"message":{"role":"assistant","content":"Hello, benchmark."},"finish_reason":"stop"}],)"
    R"("usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19}})";

} // namespace

class TestOpenAICompletionReader : public QObject
{
    Q_OBJECT

  private slots:
    void readsAsTheDomDoes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("fast"); // the DOM-less reading takes it
        QTest::newRow("bench reply") << QByteArray(kBenchReply) << true;
        QTest::newRow("tool calls") << QByteArray(
            R"({"id":"c","model":"m","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant",)"
            R"("content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather",)"
            R"("arguments":"{}"}},{"id":"call_2","function":null}]}}]})") << true;
        QTest::newRow("refusal") << QByteArray(
            R"({"choices":[{"message":{"content":"","refusal":"I cannot."},"finish_reason":"stop"}]})") << true;
        QTest::newRow("usage details and cost") << QByteArray(
            R"({"usage":{"prompt_tokens":100,"completion_tokens":50,"prompt_tokens_details":{"cached_tokens":40,)"
            R"("cache_write_tokens":10,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":20},"cost":0.0125}})")
                                                   << true;
        QTest::newRow("negative cost") << QByteArray(R"({"usage":{"cost":-1}})") << true;
        QTest::newRow("cost as text") << QByteArray(R"({"usage":{"cost":"0.5"}})") << true;
        QTest::newRow("details not objects") << QByteArray(
            R"({"usage":{"prompt_tokens_details":5,"completion_tokens_details":"x","prompt_tokens":"7"}})") << true;
        QTest::newRow("choice 0 not first") << QByteArray(
            R"({"choices":[{"index":1,"message":{"content":"one"}},{"message":{"content":"zero"}},{"index":0,"message":{"content":"late"}}]})")
                                                << true;
        QTest::newRow("no choice 0") << QByteArray(R"({"choices":[{"index":2,"message":{"content":"two"}}]})") << true;
        QTest::newRow("nulls") << QByteArray(R"({"id":null,"choices":null,"usage":null,"error":null})") << true;
        QTest::newRow("message null") << QByteArray(R"({"choices":[{"message":null,"finish_reason":"length"}]})") << true;
        QTest::newRow("duplicates, last wins") << QByteArray(
            R"({"id":"a","id":"b","usage":{"prompt_tokens":3,"cost":1},"usage":{"completion_tokens":4},)"
            R"("choices":[{"message":{"content":"x","content":null,"refusal":"r"}}]})") << true;
        QTest::newRow("escapes") << QByteArray(
            "{\"choices\":[{\"message\":{\"content\":\"caf\\u00e9 \\ud83d\\ude00 \\n\\t\\/\"}}],\"model\":\"m\\u0000\"}")
                                       << true;
        QTest::newRow("empty object") << QByteArray("{}") << true;
        QTest::newRow("error reply") << QByteArray(R"({"error":{"message":"bad","type":"invalid_request_error"}})") << false;
        QTest::newRow("numeric id") << QByteArray(R"({"id":123})") << false;
        QTest::newRow("fractional tokens") << QByteArray(R"({"usage":{"prompt_tokens":1.5}})") << false;
        QTest::newRow("choices object") << QByteArray(R"({"choices":{"index":0}})") << false;
        QTest::newRow("array body") << QByteArray("[]") << false;
        QTest::newRow("not json") << QByteArray("<html>502</html>") << false;
    }

    void readsAsTheDomDoes()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, fast);
        const std::string_view text(body.constData(), static_cast<std::size_t>(body.size()));
        QCOMPARE(openai::readCompletion(text).has_value(), fast);
        const QString differs = disagreement(text);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }

    void benchReplyFields()
    {
        const auto r = openai::readCompletion(kBenchReply);
        QVERIFY(r);
        QCOMPARE(r->id, std::string("chatcmpl-bench"));
        QCOMPARE(r->text, std::string("Hello, benchmark."));
        QCOMPARE(r->finishReason, std::string("stop"));
        QCOMPARE(r->usage.inputTokens, std::int64_t{12});
        QVERIFY(r->usage.reported);
    }

    // Edits of a reply with everything in it: whatever the fast reading takes, it reads as the DOM.
    void agreesOnMutations()
    {
        const std::string sample =
            R"({"id":"c","model":"m","choices":[{"index":0,"finish_reason":"tool_calls","message":{"content":"hi",)"
            R"("refusal":null,"tool_calls":[{"id":"k","function":{"name":"f","arguments":"{}"}}]}}],)"
            R"("usage":{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":2},"cost":0.5}})";
        const char bytes[] = {'"', '{', '}', '[', ']', ',', ':', '0', '1', '-', '.', 'n', 'u', 'l', ' '};
        std::mt19937 rng(11);
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

QTEST_GUILESS_MAIN(TestOpenAICompletionReader)
#include "test_openai_completion_reader.moc"
