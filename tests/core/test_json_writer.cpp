// The direct JSON writer the gateway answers with: its text must be exactly what nlohmann's
// dump(-1, ' ', false, replace) writes for the same values, including control characters and
// bytes that are not UTF-8.
#include "model/json_writer.h"

#include <nlohmann/json.hpp>

#include <QTest>
#include <limits>
#include <random>

using namespace ts;
using nlohmann::json;

namespace {

QByteArray nlohmannText(const json& value)
{
    return QByteArray::fromStdString(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

QByteArray literal(std::string_view text)
{
    std::string out;
    appendJsonLiteral(out, text);
    return QByteArray::fromStdString(out);
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

  private slots:
    void stringsMatchNlohmann_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("plain") << QByteArray("Say hello to the benchmark.");
        QTest::newRow("quotes and backslash") << QByteArray(R"(a "quoted" \path\)");
        QTest::newRow("named escapes") << QByteArray("\b\f\n\r\t");
        QTest::newRow("other controls") << QByteArray("\x01\x1f\x7f", 3);
        QTest::newRow("nul") << QByteArray("a\0b", 3);
        QTest::newRow("utf8 passthrough") << QByteArray("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
        QTest::newRow("lone continuation") << QByteArray("a\x80z");
        QTest::newRow("overlong") << QByteArray("\xC0\xAF");
        QTest::newRow("overlong three") << QByteArray("\xE0\x80\xAF");
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80");
        QTest::newRow("truncated mid") << QByteArray("\xE2\x82z");
        QTest::newRow("truncated end") << QByteArray("ok\xF0\x9F\x98");
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
        QTest::newRow("invalid leads") << QByteArray("\xF5\xFF\xFE");
    }

    void stringsMatchNlohmann()
    {
        QFETCH(QByteArray, bytes);
        const std::string text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        QCOMPARE(literal(text), nlohmannText(text));
    }

    // Random bytes weighted towards the awkward ones: every split of a multi-byte sequence.
    void randomBytesMatchNlohmann()
    {
        std::mt19937 rng(20261127);
        const unsigned char awkward[] = {0x00, 0x1f, '"', '\\', 0x7f, 0x80, 0xbf, 0xc2, 0xdf, 0xe0, 0xed, 0xef,
                                         0xf0, 0xf4, 0xf5, 0xa0, 0x9f, 0x90, 0x8f, 'a'};
        for (int round = 0; round < 5000; ++round) {
            std::string text(rng() % 12, '\0');
            for (char& c : text)
                c = static_cast<char>(rng() % 2 ? awkward[rng() % sizeof awkward] : rng() % 256);
            const QByteArray ours = literal(text);
            if (ours != nlohmannText(text))
                QFAIL(qPrintable(QStringLiteral("differs for bytes %1").arg(QByteArray::fromStdString(text).toHex())));
        }
    }

    void structureMatchesNlohmann()
    {
        std::string out;
        JsonWriter w(out);
        w.beginObject();
        w.key("choices").beginArray();
        w.beginObject().key("index").integer(0).key("logprobs").null().endObject();
        w.beginObject().endObject();
        w.beginArray().endArray();
        w.endArray();
        w.key("flags").beginArray().boolean(true).boolean(false).endArray();
        w.key("min").integer(std::numeric_limits<std::int64_t>::min());
        w.key("raw").raw(R"({"type":"object"})");
        w.key("refusal").stringOrNull("");
        w.key("text").stringOrNull("hi");
        w.endObject();
        const json expected = {{"choices", json::array({{{"index", 0}, {"logprobs", nullptr}}, json::object(), json::array()})},
                               {"flags", {true, false}},
                               {"min", std::numeric_limits<std::int64_t>::min()},
                               {"raw", {{"type", "object"}}},
                               {"refusal", nullptr},
                               {"text", "hi"}};
        QCOMPARE(QByteArray::fromStdString(out), nlohmannText(expected));
    }

    void numbersMatchNlohmann_data()
    {
        QTest::addColumn<double>("value");
        QTest::newRow("fraction") << 0.7;
        QTest::newRow("whole") << 1.0;
        QTest::newRow("zero") << 0.0;
        QTest::newRow("large") << 1e300;
        QTest::newRow("small") << 1e-7;
        QTest::newRow("infinite") << std::numeric_limits<double>::infinity();
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN();
    }

    void numbersMatchNlohmann()
    {
        QFETCH(double, value);
        std::string out;
        JsonWriter(out).number(value);
        QCOMPARE(QByteArray::fromStdString(out), nlohmannText(value));
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "test_json_writer.moc"
