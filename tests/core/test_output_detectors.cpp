// The detectors that judge an answer: system prompt leaks (whole and streamed), schema
// violations, banned words and topics, and the length limit.
#include "guard/output_detectors.h"
#include "qtest_std_string.h"

#include <QTest>

using namespace ts::guard;

namespace {

const std::string kSystemPrompt =
    "You are Ada, the support assistant for Acme Bank. Never reveal account numbers. Answer only questions "
    "about cards, loans and branch opening hours, and always answer in a friendly, short tone.";

std::vector<Finding> scanWith(const Detector& d, std::string_view text)
{
    std::vector<Finding> out;
    d.scan(text, out);
    return out;
}

} // namespace

class TestOutputDetectors : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void leakIsFoundDespiteCaseAndPunctuation()
    {
        const std::string answer =
            "Sure! My instructions say: you are ADA — the support assistant for Acme bank; "
            "never reveal account numbers. Answer only questions about cards, loans and "
            "branch opening hours. Anything else?";
        const auto found = scanWith(LeakageDetector(kSystemPrompt), answer);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].type, std::string("system_prompt_leak"));
        QCOMPARE(found[0].category, Category::Output);
        QCOMPARE(answer.substr(found[0].start, 6), std::string("you ar"));
        QCOMPARE(answer.substr(found[0].end - 5, 5), std::string("hours"));
        QVERIFY(found[0].score > 0.5 && found[0].score < 1.0);
    }

    void ordinaryAnswerDoesNotLeak()
    {
        const std::string answer = "Our branches open at 9am. You can order a new card in the app.";
        QVERIFY(scanWith(LeakageDetector(kSystemPrompt), answer).empty());
    }

    void separateLeaksAreSeparateFindings()
    {
        const std::string answer =
            "First: never reveal account numbers answer only questions. Unrelated words fill "
            "this gap for a while. Then: cards loans and branch opening hours and always answer.";
        const auto found = scanWith(LeakageDetector(kSystemPrompt, 0.0), answer);
        QCOMPARE(found.size(), std::size_t{2});
        QVERIFY(found[0].end < found[1].start);
        QCOMPARE(found[0].score, found[1].score);
    }

    void shortPromptIsOneShingle()
    {
        const LeakageDetector d("Speak like a pirate.", 0.0);
        QCOMPARE(scanWith(d, "I was told to speak like a pirate, arr.").size(), std::size_t{1});
        QVERIFY(scanWith(d, "I was told to speak like a sailor.").empty());
        QVERIFY(scanWith(LeakageDetector(""), "anything").empty());
    }

    void streamFindsTheLeakAcrossDeltas()
    {
        const LeakageDetector d(kSystemPrompt);
        LeakageStream stream(d);
        const std::string answer =
            "Fine. You are Ada, the support assistant for Acme Bank. Never reveal account "
            "numbers. Answer only questions about cards, loans and branch opening hours.";
        std::vector<Finding> found;
        for (std::size_t i = 0; i < answer.size(); i += 7)
            for (Finding& f : stream.feed(std::string_view(answer).substr(i, 7)))
                found.push_back(std::move(f));
        for (Finding& f : stream.finish())
            found.push_back(std::move(f));
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(answer.substr(found[0].start, 7), std::string("You are"));
        QCOMPARE(found[0].end, answer.size() - 1); // the final '.' is not part of a word
        QVERIFY(stream.share() > 0.5);
    }

    void schemaViolationsPointAtTheValue()
    {
        const SchemaDetector d(nlohmann::json::parse(
            R"({"type":"object","required":["name","items"],"properties":{"name":{"type":"string"},
                "items":{"type":"array","items":{"type":"object","properties":{"price":{"type":"number"}}}}}})"));
        const std::string answer = R"({"name": "order", "items": [{"price": 2}, {"price": "three"}]})";
        const auto found = scanWith(d, answer);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].type, std::string("schema"));
        QCOMPARE(answer.substr(found[0].start, found[0].size()), std::string("\"three\""));
        QVERIFY(found[0].evidence.find("/items/1/price") != std::string::npos);
        QVERIFY(scanWith(d, R"({"name": "x", "items": []})").empty());
        const auto missing = scanWith(d, R"({"items": []})");
        QCOMPARE(missing.size(), std::size_t{1});
    }

    void notJsonIsAFinding()
    {
        const SchemaDetector d(nlohmann::json::parse(R"({"type":"object"})"));
        const auto found = scanWith(d, "Sure! Here is the JSON: {\"a\": 1}");
        QCOMPARE(found.size(), std::size_t{1});
        QVERIFY(found[0].evidence.rfind("not JSON", 0) == 0);
    }

    void wordListMatchesWholeWordsOnly()
    {
        const WordListDetector d({"gun", "credit card"}, {{"weapons", {"rifle", "ammo"}}});
        const std::string text = "A shotgun? No: a GUN, a Rifle, ammunition, and my Credit  Card.";
        const auto found = scanWith(d, text);
        QCOMPARE(found.size(), std::size_t{3});
        QCOMPARE(text.substr(found[0].start, found[0].size()), std::string("GUN"));
        QCOMPARE(found[0].type, std::string("banned_word"));
        QCOMPARE(found[1].type, std::string("banned_topic"));
        QVERIFY(found[1].evidence.find("weapons") != std::string::npos);
        QCOMPARE(text.substr(found[2].start, found[2].size()), std::string("Credit  Card"));
        QVERIFY(scanWith(WordListDetector({}, {}), text).empty());
        QCOMPARE(scanWith(d, "gun\xE2\x80\x94rifle").size(), std::size_t{2}); // an em dash ends a word
    }

    void lengthLimitCutsOnACharacterBoundary()
    {
        const std::string text = "ab\xC3\xA9\xE2\x82\xAC"
                                 "cd"; // a b é € c d: bytes 0 1 2-3 4-6 7 8
        QVERIFY(scanWith(LengthDetector(9), text).empty());
        const auto inEuro = scanWith(LengthDetector(5), text);
        QCOMPARE(inEuro.size(), std::size_t{1});
        QCOMPARE(inEuro[0].type, std::string("max_length"));
        QCOMPARE(inEuro[0].start, std::size_t{4});
        QCOMPARE(inEuro[0].end, text.size());
        QCOMPARE(scanWith(LengthDetector(7), text)[0].start, std::size_t{7});
        QCOMPARE(scanWith(LengthDetector(0), text)[0].start, std::size_t{0});
    }
};

QTEST_GUILESS_MAIN(TestOutputDetectors)
#include "test_output_detectors.moc"
