// The checks the structured detector runs on candidates (Luhn, mod-97, SSN ranges, addresses,
// phone plausibility, dates, randomness), and the Hyperscan wrapper under them.
#include "guard/pattern_scanner.h"
#include "guard/validators.h"

#include <QTest>

#include "qtest_std_string.h"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace ts::guard;

class TestGuardValidators : public QObject
{
    Q_OBJECT
private:
    static void addCases(std::initializer_list<std::pair<const char*, bool>> cases)
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        for (const auto& [text, valid] : cases)
            QTest::newRow(text) << QByteArray(text) << valid;
    }
    static std::string_view fetched(const QByteArray& text) { return {text.constData(), static_cast<std::size_t>(text.size())}; }

private Q_SLOTS:
    void luhn_data()
    {
        addCases({{"4111111111111111", true}, {"4111111111111112", false}, {"378282246310005", true},
                  {"5500000000000004", true}, {"6011111111111117", true}, {"0", false}, {"4111-1111", false}});
    }
    void luhn()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(luhnValid(fetched(text)), valid);
    }

    void iban_data()
    {
        addCases({{"DE89370400440532013000", true},     {"DE89 3704 0044 0532 0130 00", true},
                  {"GB82WEST12345698765432", true},     {"FR1420041010050500013M02606", true},
                  {"NL91ABNA0417164300", true},         {"CH9300762011623852957", true},
                  {"DE89370400440532013001", false},    {"DE8937040044053201300", false},
                  {"XX89370400440532013000", false},    {"GB82WEST1234569876543", false}});
    }
    void iban()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(ibanValid(fetched(text)), valid);
    }

    void ibanLengths()
    {
        QCOMPARE(ibanLength("DE"), std::size_t{22});
        QCOMPARE(ibanLength("NO"), std::size_t{15});
        QCOMPARE(ibanLength("US"), std::size_t{0});
    }

    void ssn_data()
    {
        addCases({{"536-22-1234", true}, {"536 22 1234", true}, {"536221234", true}, {"000-12-3456", false},
                  {"666-12-3456", false}, {"900-12-3456", false}, {"999-12-3456", false}, {"536-00-1234", false},
                  {"536-22-0000", false}, {"078-05-1120", false}, {"123-45-6789", false}, {"111-11-1111", false},
                  {"536-22-123", false}});
    }
    void ssn()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(ssnValid(fetched(text)), valid);
    }

    void ipv4_data()
    {
        addCases({{"192.168.1.10", true}, {"0.0.0.0", true}, {"255.255.255.255", true}, {"256.1.1.1", false},
                  {"1.2.3", false}, {"1.2.3.4.5", false}, {"01.2.3.4", false}, {"1..2.3", false}, {"1.2.3.", false}});
    }
    void ipv4()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(ipv4Valid(fetched(text)), valid);
    }

    void ipv6_data()
    {
        addCases({{"2001:0db8:85a3:0000:0000:8a2e:0370:7334", true}, {"2001:db8::8a2e:370:7334", true},
                  {"::1", true}, {"fe80::1", true}, {"::ffff:192.0.2.1", true}, {"2001:db8::", true},
                  {"::", true}, {"1:2:3:4:5:6:7", false}, {"1:2:3:4:5:6:7:8:9", false}, {"1::2::3", false},
                  {"12345::1", false}, {"12:30:45", false}, {"00:1A:2B:3C:4D:5E", false}, {"::ffff:999.0.2.1", false},
                  {"g::1", false}});
    }
    void ipv6()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(ipv6Valid(fetched(text)), valid);
    }

    void phone_data()
    {
        addCases({{"+44 20 7946 0958", true},  {"+49 30 901820", true},      {"(415) 555-2671", true},
                  {"415-555-2671", true},      {"+1 415.555.2671", true},    {"0044 20 7946 0958", true},
                  {"+33 1 23 45 67 89", true}, {"+44 (0)20 7946 0958", true}, {"+14155552671", true},
                  {"1-415-555-2671", true},    {"+1 (415) 555-2671", true},   {"+81 3-1234-5678", true},
                  {"123-456-7890", false},     {"415-911-2671", false},       {"+1 415 555 267", false},
                  {"+0 20 7946 0958", false},  {"+28 20 7946 0958", false},   {"+44 20", false},
                  {"2023-10-12", false},       {"10.0.19041.1", false},       {"415--555-2671", false},
                  {"+1234567890123456", false}, {"555-2671", false}});
    }
    void phone()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(phonePlausible(fetched(text)), valid);
    }

    void dates_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("length");
        QTest::newRow("dmy") << QByteArray("12.03.1985 was") << 10;
        QTest::newRow("mdy") << QByteArray("03/12/85") << 8;
        QTest::newRow("iso") << QByteArray("1985-03-12") << 10;
        QTest::newRow("english") << QByteArray("12 March 1985") << 13;
        QTest::newRow("english month first") << QByteArray("March 12, 1985.") << 14;
        QTest::newRow("ordinal") << QByteArray("3rd of May 1990") << 15;
        QTest::newRow("german") << QByteArray("3. Mai 1990") << 11;
        QTest::newRow("french") << QByteArray("4 juin 1975") << 11;
        QTest::newRow("spanish") << QByteArray("12 de marzo de 1985") << 19;
        QTest::newRow("bad month") << QByteArray("12.13.1985") << 10; // read month-first: 13 is the day
        QTest::newRow("bad both") << QByteArray("13.13.1985") << 0;
        QTest::newRow("year out of range") << QByteArray("12.03.1785") << 0;
        QTest::newRow("no year") << QByteArray("12 March") << 0;
        QTest::newRow("word") << QByteArray("Mayday") << 0;
    }
    void dates()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, length);
        QCOMPARE(dateLength(fetched(text)), static_cast<std::size_t>(length));
    }

    void entropy()
    {
        QCOMPARE(shannonEntropy(""), 0.0);
        QCOMPARE(shannonEntropy("aaaa"), 0.0);
        QCOMPARE(shannonEntropy("abab"), 1.0);
        QCOMPARE(shannonEntropy("abcdefgh"), 3.0);
    }

    void randomness_data()
    {
        addCases({{"wJalrXUtnFEMI/K7MDENG/bPxRfiCYz8Kq3mNp4T", true}, {"Xb7kQ2mZp9LrT4vWc8NyH3sD", true},
                  {"get_user_profile_by_identifier", false},    {"AbstractSingletonProxyFactoryBean2", false},
                  {"3f786850e387550fdab836ed7e6dc881de23001b", false}, // a git SHA: hex is left alone
                  {"550e8400-e29b-41d4-a716-446655440000", false}, {"aaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
                  {"MAX_CONNECTION_POOL_SIZE_DEFAULT_2", false}});
    }
    void randomness()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(looksRandom(fetched(text)), valid);
    }

    void scannerReportsStartsAndEnds()
    {
        PatternScanner scanner({{7, "abc", kLeftmostStart}, {9, "x[0-9]+y", kLeftmostStart | kCaseless}});
        std::vector<std::tuple<unsigned, std::size_t, std::size_t>> seen;
        scanner.scan("--abc--X12Y", [&](unsigned id, std::size_t from, std::size_t to) { seen.emplace_back(id, from, to); });
        const std::vector<std::tuple<unsigned, std::size_t, std::size_t>> expected{{7, 2, 5}, {9, 7, 11}};
        QVERIFY(seen == expected);
    }

    void scannerNamesTheBadPattern()
    {
        try {
            PatternScanner scanner({{1, "fine"}, {2, "broken(("}});
            QFAIL("compiled a broken pattern");
        } catch (const std::runtime_error& e) {
            QVERIFY(std::string(e.what()).find("broken((") != std::string::npos);
        }
    }

    void scannerReportsOnceAcrossBlocks()
    {
        // Blocks of 64 bytes overlapping by 16: every match still reported once, at its offset.
        PatternScanner scanner({{1, "needle", kLeftmostStart}}, 64, 16);
        std::string text;
        std::vector<std::size_t> expected;
        for (int i = 0; i < 40; ++i) {
            text += std::string(static_cast<std::size_t>(i % 13), '.');
            expected.push_back(text.size());
            text += "needle";
        }
        std::vector<std::size_t> starts;
        scanner.scan(text, [&](unsigned, std::size_t from, std::size_t) { starts.push_back(from); });
        QCOMPARE(starts, expected);
    }
};

QTEST_GUILESS_MAIN(TestGuardValidators)
#include "test_guard_validators.moc"
