// The JSON the store keeps in its columns: attribute types survive exactly, text that is not
// UTF-8 never breaks a row, raw chunk bytes come back byte for byte.
#include "trace/attribute_json.h"
#include "trace/byte_text.h"
#include "trace/exchange_json.h"
#include "trace/json_text.h"
#include "trace/tool_call_json.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace ts;

class TestStoreCodec : public QObject
{
    Q_OBJECT

  private slots:
    void doublesReadBackAsDoubles_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("integral") << 2.0 << QStringLiteral("2.0");
        QTest::newRow("negative zero") << -0.0 << QStringLiteral("-0.0");
        QTest::newRow("fraction") << 0.1 << QStringLiteral("0.1");
        QTest::newRow("large") << 1e300 << QStringLiteral("1e+300");
        QTest::newRow("tiny") << 5e-324 << QStringLiteral("5e-324");
        QTest::newRow("big integral") << 12345678901234567.0 << QStringLiteral("12345678901234568.0");
    }

    void doublesReadBackAsDoubles()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        std::string out;
        codec::json_text::appendDouble(out, value);
        QCOMPARE(QString::fromStdString(out), text);
        const Attributes back = codec::attributesFromJson(codec::attributesToJson({{"x", value}}));
        QVERIFY(std::holds_alternative<double>(back.at("x")));
        QCOMPARE(std::get<double>(back.at("x")), value);
    }

    void nonFiniteDoubles()
    {
        const Attributes in{{"inf", std::numeric_limits<double>::infinity()},
                            {"minus", -std::numeric_limits<double>::infinity()},
                            {"nan", std::numeric_limits<double>::quiet_NaN()}};
        const Attributes back = codec::attributesFromJson(codec::attributesToJson(in));
        QCOMPARE(std::get<double>(back.at("inf")), std::numeric_limits<double>::infinity());
        QCOMPARE(std::get<double>(back.at("minus")), -std::numeric_limits<double>::infinity());
        QVERIFY(std::isnan(std::get<double>(back.at("nan"))));
    }

    void everyTypeKeepsItsType()
    {
        const Attributes in{{"s", std::string("42")},
                            {"i", std::int64_t{42}},
                            {"min", std::numeric_limits<std::int64_t>::min()},
                            {"d", 42.0},
                            {"b", true},
                            {"f", false},
                            {"list", std::vector<std::string>{"a", "", "c\"d"}},
                            {"empty list", std::vector<std::string>{}},
                            {"key with \"quotes\" and \\", std::string("\x01\t\n")}};
        const Attributes back = codec::attributesFromJson(codec::attributesToJson(in));
        QVERIFY(back == in);
        for (const auto& [name, value] : in)
            QCOMPARE(back.at(name).index(), value.index());
    }

    void invalidUtf8StillParses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray replacement("\xEF\xBF\xBD");
        QTest::newRow("lone continuation") << QByteArray("a\x80z") << QByteArray("a") + replacement + "z";
        QTest::newRow("truncated sequence")
            << QByteArray("ok\xE2\x9C") << QByteArray("ok") + replacement + replacement;
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << replacement + replacement;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << replacement + replacement + replacement;
        QTest::newRow("valid") << QByteArray("naïve ✓ 😀") << QByteArray("naïve ✓ 😀");
    }

    void invalidUtf8StillParses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, expected);
        const std::string text = bytes.toStdString();
        const Attributes back = codec::attributesFromJson(codec::attributesToJson({{"t", text}}));
        QCOMPARE(QByteArray::fromStdString(std::get<std::string>(back.at("t"))), expected);
        QCOMPARE(codec::isValidUtf8(text), bytes == expected);
    }

    void headersKeepOrderAndRepeats()
    {
        const std::vector<Header> in{{"b", "1"}, {"a", "2"}, {"b", "3"}};
        QVERIFY(codec::headersFromJson(codec::headersToJson(in)) == in);
    }

    void toolCallsRoundTrip_data()
    {
        QTest::addColumn<QString>("signature");
        QTest::newRow("Gemini thought signature") << QStringLiteral("CtwBAdHtim8xQ2vRk4Np+/Z7sLq0W==");
        QTest::newRow("none") << QString();
    }

    void toolCallsRoundTrip()
    {
        QFETCH(QString, signature);
        const std::vector<ToolCall> in{
            {"call_1", "get_weather", R"({"city":"Paris"})", signature.toStdString()},
            {"", "get_weather", R"({"city":"Tokyo"})", ""}};
        const std::string text = codec::toolCallsToJson(in).value();
        QVERIFY(codec::toolCallsFromJson(text) == in);
        // Written only when there is one, so rows without signatures stay as they were.
        QCOMPARE(text.find("\"signature\"") != std::string::npos, !signature.isEmpty());
    }

    void toolCallsFromBeforeSignatures()
    {
        const std::vector<ToolCall> back =
            codec::toolCallsFromJson(R"([{"id":"call_1","name":"get_weather","arguments":"{}"}])");
        QCOMPARE(back.size(), std::size_t{1});
        QCOMPARE(back[0].name, std::string("get_weather"));
        QVERIFY(back[0].signature.empty());
        QVERIFY(!codec::toolCallsToJson({}));
    }
};

QTEST_GUILESS_MAIN(TestStoreCodec)
#include "test_store_codec.moc"
