// The DOM-less JSON reader: it must accept exactly the strict JSON nlohmann accepts (so a reply it
// refuses goes the full way and one it takes reads the same), and decode strings as nlohmann does.
#include "model/json_reader.h"
#include "random_edit.h"

#include <nlohmann/json.hpp>

#include <QTest>
#include <random>

using namespace ts;
using nlohmann::json;

namespace {

bool readerAccepts(std::string_view text)
{
    JsonReader r(text);
    return r.skip() && r.end();
}

const char* const kSample =
    R"({"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",)"
    R"("choices":[{"index":0,"message":{"role":"assistant","content":"Hi )"
    "\\u00e9\\ud83d\\ude00 "
    "\\\"there\\\"\\n\","
    R"("refusal":null,"tool_calls":[]},"logprobs":null,"finish_reason":"stop"}],)"
    R"("usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19,"cost":-1.5e-3,"ok":true,"no":false}})";

} // namespace

class TestJsonReader : public QObject
{
    Q_OBJECT

  private slots:
    void acceptsWhatNlohmannAccepts_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("sample") << QByteArray(kSample) << true;
        QTest::newRow("spaces") << QByteArray(" \t\r\n{ \"a\" : [ 1 , -0.5e+3 , true ] } \n") << true;
        QTest::newRow("empty containers") << QByteArray(R"({"a":{},"b":[]})") << true;
        QTest::newRow("scalar") << QByteArray("\"x\"") << true;
        QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << false;
        QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << false;
        QTest::newRow("leading zero") << QByteArray("01") << false;
        QTest::newRow("bare fraction") << QByteArray("1.") << false;
        QTest::newRow("plus sign") << QByteArray("+1") << false;
        QTest::newRow("bad literal") << QByteArray("tru") << false;
        QTest::newRow("trailing text") << QByteArray("{} x") << false;
        QTest::newRow("raw control") << QByteArray("\"a\tb\"") << false;
        QTest::newRow("bad escape") << QByteArray("\"\\x\"") << false;
        QTest::newRow("lone low surrogate") << QByteArray("\"\\udc00\"") << false;
        QTest::newRow("unpaired high surrogate") << QByteArray("\"\\ud83dx\"") << false;
        QTest::newRow("invalid utf8") << QByteArray("\"\xC3(\"") << false;
        QTest::newRow("unterminated") << QByteArray("{\"a\":\"b") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }

    void acceptsWhatNlohmannAccepts()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, accepted);
        const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
        QCOMPARE(json::accept(view), accepted);
        QCOMPARE(readerAccepts(view), accepted);
    }

    // Single-byte edits of a realistic reply: the reader and nlohmann agree on every one.
    void agreesOnMutations()
    {
        const std::string sample = kSample;
        const char bytes[] = {'"', '\\', '{', '}', '[', ']', ',', ':', '0', '-', 'e', '.', ' ', 'u', '\x01', '\xC3', '\xFF'};
        std::mt19937 rng(5);
        for (int round = 0; round < 4000; ++round) {
            std::string text = sample;
            ts::test::editOnce(text, std::string_view(bytes, sizeof bytes), rng);
            if (json::accept(text) != readerAccepts(text))
                QFAIL(qPrintable(QStringLiteral("disagree on: %1").arg(QString::fromStdString(text))));
        }
    }

    void stringsDecodeAsNlohmann()
    {
        const std::string text = "[\"plain\",\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t\","
                                 "\"\\u0000\\u00e9\\u20ac\\ud83d\\ude00\",\"caf"
                                 "\xC3\xA9\"]";
        const json expected = json::parse(text);
        JsonReader r(text);
        std::size_t i = 0;
        QVERIFY(r.array([&] {
            std::string out = "stale";
            if (!r.string(out))
                return false;
            return out == expected[i++].get<std::string>();
        }));
        QCOMPARE(i, expected.size());
    }

    void numbers()
    {
        JsonReader r("[9223372036854775807, -0, 1.5, 9223372036854775808]");
        std::int64_t big = 0, zero = 1, tooBig = 0;
        double fraction = 0;
        std::int64_t fractionAsInteger = 0;
        int element = 0;
        QVERIFY(!r.array([&] {
            switch (element++) {
            case 0: return r.integer(big);
            case 1: return r.integer(zero);
            case 2: return r.number(fraction);
            default: return r.integer(tooBig); // beyond int64: refused
            }
        }));
        QCOMPARE(element, 4);
        QCOMPARE(big, std::numeric_limits<std::int64_t>::max());
        QCOMPARE(zero, std::int64_t{0});
        QCOMPARE(fraction, 1.5);
        JsonReader fractional("1.5");
        QVERIFY(!fractional.integer(fractionAsInteger));
    }

    void nestingIsBounded()
    {
        const std::string deep = std::string(JsonReader::kMaxDepth + 1, '[') + std::string(JsonReader::kMaxDepth + 1, ']');
        QVERIFY(!readerAccepts(deep));
        const std::string fine = std::string(JsonReader::kMaxDepth, '[') + std::string(JsonReader::kMaxDepth, ']');
        QVERIFY(readerAccepts(fine));
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "test_json_reader.moc"
