// The built-in lexical embedder: deterministic unit vectors, rewordings close and unrelated prompts
// far, and the measured similarities that semantic_threshold.h documents (printed on every run).
#include "cache/embedding_math.h"
#include "cache/lexical_embedder.h"
#include "cache/lexical_words.h"
#include "cache/semantic_threshold.h"
#include "qtest_std_string.h"

#include <QtTest/QTest>
#include <cmath>

using ts::cache::dotProduct;
using ts::cache::kLexicalThreshold;
using ts::cache::lexicalVector;

namespace {

float similarity(const std::string& a, const std::string& b)
{
    return dotProduct(lexicalVector(a), lexicalVector(b));
}

double length(const std::vector<float>& v)
{
    return std::sqrt(static_cast<double>(dotProduct(v, v)));
}

} // namespace

class TestLexicalEmbedder : public QObject
{
    Q_OBJECT

  private slots:
    void deterministicUnitVectors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("question") << QStringLiteral("What is the capital of France?");
        QTest::newRow("only function words") << QStringLiteral("is it?");
        QTest::newRow("accents") << QStringLiteral("Où est la crème brûlée ?");
        QTest::newRow("cjk") << QStringLiteral("日本の首都はどこですか");
        QTest::newRow("long") << QStringLiteral("word ").repeated(5000);
    }

    void deterministicUnitVectors()
    {
        QFETCH(QString, text);
        const std::vector<float> v = lexicalVector(text.toStdString());
        QCOMPARE(v.size(), std::size_t(ts::cache::kLexicalDimensions));
        QVERIFY(std::abs(length(v) - 1.0) < 1e-5);
        QCOMPARE(lexicalVector(text.toStdString()), v);
    }

    void noWordsNoVector()
    {
        const std::vector<float> v = lexicalVector("?! -- ...");
        QCOMPARE(length(v), 0.0);
    }

    void brokenUtf8IsSafe()
    {
        const std::string cut =
            std::string("caf\xc3", 4) + "\xff\xfe tail"; // a character cut short, stray bytes
        QVERIFY(std::abs(length(lexicalVector(cut)) - 1.0) < 1e-5);
    }

    void words()
    {
        QCOMPARE(ts::cache::lexicalWords("What's France's CAPITAL city?"),
                 (std::vector<std::string>{"what", "france", "capital", "city"}));
        QCOMPARE(ts::cache::lexicalWords("Is it?"), (std::vector<std::string>{"is", "it"}));
    }

    // Each pair with its similarity printed; `hit` says which side of the default threshold it falls
    // on, as semantic_threshold.h documents.
    void similarities_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("hit");
        const QString france = QStringLiteral("What is the capital of France?");
        const QString python = QStringLiteral("How do I reverse a list in Python?");
        const QString ibuprofen = QStringLiteral("What are the side effects of ibuprofen?");
        QTest::newRow("paraphrase: reordered")
            << python << QStringLiteral("python: how to reverse a list") << true;
        QTest::newRow("paraphrase: tell me")
            << france << QStringLiteral("Tell me the capital of France") << true;
        QTest::newRow("paraphrase: shortened")
            << ibuprofen << QStringLiteral("ibuprofen side effects?") << true;
        QTest::newRow("paraphrase: contraction")
            << france << QStringLiteral("what's France's capital city?") << true;
        QTest::newRow("paraphrase: reworded")
            << python << QStringLiteral("Reversing a Python list, how?") << false;
        QTest::newRow("key word: swapped units")
            << QStringLiteral("Convert 100 celsius to fahrenheit")
            << QStringLiteral("Convert 100 fahrenheit to celsius") << true;
        QTest::newRow("key word: language")
            << python << QStringLiteral("How do I reverse a list in Rust?") << true;
        QTest::newRow("key word: drug")
            << ibuprofen << QStringLiteral("What are the side effects of aspirin?") << false;
        QTest::newRow("key word: country")
            << france << QStringLiteral("What is the capital of Germany?") << false;
        QTest::newRow("unrelated: bread")
            << france << QStringLiteral("How do I bake sourdough bread?") << false;
        QTest::newRow("unrelated: haiku")
            << france << QStringLiteral("Write a haiku about autumn leaves") << false;
        QTest::newRow("unrelated: python") << python << france << false;
    }

    void similarities()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, hit);
        const float s = similarity(a.toStdString(), b.toStdString());
        qInfo("%.3f  %s | %s", double(s), qPrintable(a), qPrintable(b));
        QCOMPARE(s >= kLexicalThreshold, hit);
    }

    // The margin the threshold keeps: a plain rewording scores far above anything unrelated.
    void paraphraseFarAboveUnrelated()
    {
        const std::string question = "What is the capital of France?";
        const float paraphrase = similarity(question, "what's France's capital city?");
        const float unrelated = similarity(question, "How do I bake sourdough bread?");
        QVERIFY2(paraphrase - unrelated > 0.5f,
                 qPrintable(QStringLiteral("%1 vs %2").arg(paraphrase).arg(unrelated)));
        QVERIFY(unrelated < 0.2f);
    }

    void embedderInterface()
    {
        ts::cache::LexicalEmbedder embedder;
        QCOMPARE(embedder.id(), std::string("lexical"));
        const auto result = embedder.embed({"one text", "another text"});
        QVERIFY(std::holds_alternative<ts::Embeddings>(result));
        const auto& embeddings = std::get<ts::Embeddings>(result);
        QCOMPARE(embeddings.model, std::string("lexical"));
        QCOMPARE(embeddings.vectors.size(), std::size_t(2));
        QCOMPARE(embeddings.vectors[1], lexicalVector("another text"));
    }
};

QTEST_APPLESS_MAIN(TestLexicalEmbedder)
#include "test_lexical_embedder.moc"
