// The structured detector's fast route (Hyperscan for literal-anchored rules, a hand-written pass
// for the class-only ones) against its reference route (every rule's regex in one Hyperscan
// database): the same findings, byte for byte, on random text full of digits, separators, hex,
// colons, key prefixes and long tokens (fixed seeds), and on hand-picked edge cases.
#include "guard/structured_detector.h"

#include <QTest>

#include <random>
#include <string>
#include <tuple>
#include <vector>

using namespace ts::guard;

namespace {

const std::vector<std::string>& pieces()
{
    static const std::vector<std::string> p{
        " ", " ", " ", "\n", ".", "-", "(", ")", "+", ":", "::", "/", ",", "_", "=", "@", "#", "the ", "born ",
        "DOB ", "Geboren am ", "né le ", "version ", "ref ", "IBAN ", "DE", "GB", "FR", "NWBK", "1", "0", "00",
        "4", "5", "9", "12", "415", "555", "2671", "1985", "0044", "+44", "+1 ", "(0)", "4111", "1111", "3704",
        "89", "192.168.", "10.0.0.", "255", "fe80", "2001", "db8", "ffff", "a", "b", "ABCD", "x7Kp", "sk-",
        "sk-ant-", "AKIA", "ghp_", "xoxb-", "eyJ", "-----BEGIN PUBLIC KEY-----", "-----END PUBLIC KEY-----",
        "-----BEGIN PRIVATE KEY-----", "March ", "12.03.", "1985-03-12", "\xc3\xa9", "\xff", "Q3 ", "v1.",
    };
    return p;
}

std::string randomText(std::mt19937_64& rng, std::size_t pieceCount)
{
    static const std::string token = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-";
    std::string s;
    for (std::size_t i = 0; i < pieceCount; ++i) {
        if (rng() % 40 == 0) { // a long random token: high_entropy and key bodies
            for (std::size_t k = 0, n = 16 + rng() % 40; k < n; ++k)
                s += token[rng() % token.size()];
            continue;
        }
        if (rng() % 4 == 0) {
            s += static_cast<char>('0' + rng() % 10);
            continue;
        }
        s += pieces()[rng() % pieces().size()];
    }
    return s;
}

using Key = std::tuple<std::string, std::size_t, std::size_t, std::string>;

std::vector<Key> keys(const std::vector<Finding>& findings)
{
    std::vector<Key> out;
    for (const Finding& f : findings)
        out.emplace_back(f.type, f.start, f.end, f.evidence);
    return out;
}

} // namespace

class TestGuardScanEquivalence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_fast = makeStructuredDetector();
        m_reference = makeStructuredDetectorReference();
    }

    void sameFindingsOnEdgeCases_data()
    {
        QTest::addColumn<QByteArray>("text");
        for (const char* s : {"", "1", "4111 1111 1111 1111", "4111111111111111", "call +44 20 7946 0958\n",
                              "+1 (415) 555-2671", "1-415-555-2671", "(415) 555-2671.", "415.555.2671",
                              "DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "078-05-1120 219-09-9999",
                              "192.168.1.10.", "1.2.3.4.5", "v1.2.3.4", "::1", "fe80::1ff:fe23:4567:890a",
                              "2001:db8::1:2:3", "::ffff:10.0.0.1", "12:30:45 a::b ::", "born 12.03.1985",
                              "x7KpQ2mN9vB4wL8rT1yH6jF3dS5aG0zX", "x7KpQ2mN9vB4wL8rT1yH6jF3dS5aG0zX\n",
                              "-----BEGIN PUBLIC KEY-----\nx7KpQ2mN9vB4wL8rT1yH6jF3dS5aG0zXx7KpQ2mN9vB4wL8r\n"
                              "-----END PUBLIC KEY----- x7KpQ2mN9vB4wL8rT1yH6jF3dS5aG0zX"})
            QTest::newRow(s) << QByteArray(s);
    }
    void sameFindingsOnEdgeCases()
    {
        QFETCH(QByteArray, text);
        compare(text.toStdString());
    }

    void sameFindingsOnRandomText()
    {
        std::mt19937_64 rng(20240315);
        std::size_t findings = 0;
        for (int i = 0; i < 4000; ++i) {
            const std::string text = randomText(rng, 5 + rng() % 200);
            findings += compare(text);
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%zu findings, all equal", findings);
        QVERIFY(findings > 1000);
    }

    // The fast route finds birth dates from the date's side (birth_dates.cpp): keywords and dates
    // packed close, overlapping, and far apart.
    void sameBirthDatesOnRandomText()
    {
        static const std::vector<std::string> p{
            " ", " ", ", ", ".", "-", "x", "born ", "BORN", "date of birth: ", "D.O.B. ", "dob", "birthday ",
            "birth date ", "birthdate", "geboren am ", "Geburtsdatum ", "nacida el ", "nato il ", "n\xc3\xa9" "e ",
            "n\xc3\xa9 le ", "data di nascita ", "12 March 1985", "March 12, 1985", "Mar. 5 1990", "3rd of May 1990",
            "1er mai 1990", "12. M\xc3\xa4rz 1985", "12 de marzo de 1985", "12.03.1985", "1985-03-12", "03/12/85",
            "12", "1", "31", "1990", "May ", "march", "Sept", "the quick brown fox jumps over ", "0"};
        std::mt19937_64 rng(7);
        std::size_t findings = 0;
        for (int i = 0; i < 3000; ++i) {
            std::string text;
            for (std::size_t k = 0, n = 3 + rng() % 60; k < n; ++k)
                text += p[rng() % p.size()];
            findings += compare(text);
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%zu findings, all equal", findings);
        QVERIFY(findings > 1000);
    }

    // The text crosses the candidate scan's 64-byte chunks at every offset.
    void sameFindingsAcrossChunkBoundaries()
    {
        const std::string values[] = {"4111 1111 1111 1111", "x7KpQ2mN9vB4wL8rT1yH6jF3dS5aG0zX", "fe80::1ff:fe23",
                                      "+44 20 7946 0958", "DE89 3704 0044 0532 0130 00", "10.0.0.1"};
        for (const std::string& v : values)
            for (std::size_t pad = 0; pad < 70; ++pad) {
                compare(std::string(pad, ' ') + v);
                compare(std::string(pad, 'a') + " " + v + " tail");
            }
    }

private:
    std::size_t compare(const std::string& text)
    {
        std::vector<Finding> fast, reference;
        m_fast->scan(text, fast);
        m_reference->scan(text, reference);
        if (keys(fast) != keys(reference)) {
            qWarning("text: %s", text.c_str());
            for (const Finding& f : reference)
                qWarning("  reference %s [%zu, %zu)", f.type.c_str(), f.start, f.end);
            for (const Finding& f : fast)
                qWarning("  fast      %s [%zu, %zu)", f.type.c_str(), f.start, f.end);
        }
        [&] { QCOMPARE(keys(fast), keys(reference)); }();
        return reference.size();
    }

    std::unique_ptr<Detector> m_fast, m_reference;
};

QTEST_GUILESS_MAIN(TestGuardScanEquivalence)
#include "test_guard_scan_equivalence.moc"
