#include "tokens/bpe_encoder.h"
#include "tokens/encoding_for_model.h"
#include "tokens/tokenizer_error.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace ts;

namespace {

QString fixturePath(const QString& encoding)
{
    return qEnvironmentVariable("TOKENSCOPE_TEST_DATA") + QStringLiteral("/tokenizer/") + encoding
        + QStringLiteral(".jsonl");
}

} // namespace

class TestTokenizer : public QObject {
    Q_OBJECT

private slots:
    void matchesTiktoken_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QList<quint32>>("ids");
        for (const auto& encoding : {QStringLiteral("o200k_base"), QStringLiteral("cl100k_base")}) {
            QFile file(fixturePath(encoding));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            int line = 0;
            while (!file.atEnd()) {
                const auto json = nlohmann::json::parse(file.readLine().toStdString());
                const auto text = json.at("text").get<std::string>();
                QList<quint32> ids;
                for (const auto& id : json.at("ids"))
                    ids.append(id.get<quint32>());
                QTest::addRow("%s:%d", qPrintable(encoding), ++line)
                    << encoding << QByteArray::fromStdString(text) << ids;
            }
        }
    }

    void matchesTiktoken()
    {
        QFETCH(QString, encoding);
        QFETCH(QByteArray, text);
        QFETCH(QList<quint32>, ids);
        const auto encoder = BpeEncoder::load(encoding.toStdString());
        const auto view = std::string_view(text.constData(), std::size_t(text.size()));
        const auto got = encoder->encode(view);
        QCOMPARE(QList<quint32>(got.begin(), got.end()), ids);
        QCOMPARE(encoder->count(view), std::size_t(ids.size()));
        QCOMPARE(QByteArray::fromStdString(encoder->decode(got)), text);
    }

    void invalidUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lone continuation") << QByteArray("abc\x80" "def");
        QTest::newRow("truncated 3-byte") << QByteArray("x\xe2\x82");
        QTest::newRow("overlong") << QByteArray("\xc0\xaf hello");
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80 world");
        QTest::newRow("all 0xff") << QByteArray(300, '\xff');
        QTest::newRow("mixed") << QByteArray("caf\xc3 \xa9 \xf0\x9f\x98 ok  \xfe\n");
    }

    void invalidUtf8()
    {
        QFETCH(QByteArray, bytes);
        const auto view = std::string_view(bytes.constData(), std::size_t(bytes.size()));
        for (const auto* name : {"o200k_base", "cl100k_base"}) {
            const auto encoder = BpeEncoder::load(name);
            const auto ids = encoder->encode(view);
            QVERIFY(encoder->count(view) > 0);
            QCOMPARE(QByteArray::fromStdString(encoder->decode(ids)), bytes);
        }
    }

    void refusesWrongRankFile()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("o200k_base.tiktoken")).toStdString();
        std::ofstream(path) << "IQ== 0\nIg== 1\n";
        try {
            BpeEncoder::loadFromFile("o200k_base", path);
            QFAIL("a corrupt rank file was accepted");
        } catch (const TokenizerError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("sha256")) && message.contains(QStringLiteral("corrupt")),
                     qPrintable(message));
        }
        QVERIFY_THROWS_EXCEPTION(TokenizerError, BpeEncoder::loadFromFile("cl100k_base", "/nonexistent/x.tiktoken"));
        QVERIFY_THROWS_EXCEPTION(TokenizerError, BpeEncoder::load("no_such_encoding"));
    }

    void longRunsOfOneCharacter_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<char>("character");
        for (const auto& encoding : {QStringLiteral("o200k_base"), QStringLiteral("cl100k_base")})
            for (char c : {'_', 'a', ' ', '1', '\n'})
                QTest::addRow("%s:%d", qPrintable(encoding), int(c)) << encoding << c;
    }

    // Linear time is shown by the printed 1 MB vs 2 MB figures, not asserted on wall time.
    void longRunsOfOneCharacter()
    {
        QFETCH(QString, encoding);
        QFETCH(char, character);
        const auto encoder = BpeEncoder::load(encoding.toStdString());
        for (std::size_t megabytes : {1, 2}) {
            const std::string run(megabytes << 20, character);
            QElapsedTimer timer;
            timer.start();
            const auto ids = encoder->encode(run);
            const auto ms = timer.nsecsElapsed() / 1e6;
            qInfo("%s %zu MB of %d: %zu tokens in %.1f ms", qPrintable(encoding), megabytes, int(character),
                  ids.size(), ms);
            QVERIFY(!ids.empty());
            QVERIFY(encoder->decode(ids) == run);
        }
    }

    void proseThroughput()
    {
        const auto encoder = BpeEncoder::load("o200k_base");
        QFile file(fixturePath(QStringLiteral("o200k_base")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        std::string corpus;
        while (!file.atEnd())
            corpus += nlohmann::json::parse(file.readLine().toStdString()).at("text").get<std::string>() + "\n";
        std::string text;
        while (text.size() < (4u << 20))
            text += corpus;
        QElapsedTimer timer;
        timer.start();
        const auto count = encoder->count(text);
        const auto seconds = timer.nsecsElapsed() / 1e9;
        qInfo("o200k_base: %zu bytes -> %zu tokens, %.1f MB/s", text.size(), count, text.size() / 1048576.0 / seconds);
        QVERIFY(count > 0);
    }

    void encodingForModel_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("gpt-4o") << "gpt-4o-mini" << "o200k_base";
        QTest::newRow("gpt-4.1") << "gpt-4.1-nano" << "o200k_base";
        QTest::newRow("o1") << "o1-preview" << "o200k_base";
        QTest::newRow("o3") << "o3" << "o200k_base";
        QTest::newRow("o4") << "o4-mini" << "o200k_base";
        QTest::newRow("gpt-5") << "gpt-5" << "o200k_base";
        QTest::newRow("gpt-4") << "gpt-4-turbo" << "cl100k_base";
        QTest::newRow("gpt-3.5") << "gpt-3.5-turbo" << "cl100k_base";
        QTest::newRow("claude") << "claude-sonnet-4" << "";
    }

    void encodingForModel()
    {
        QFETCH(QString, model);
        QFETCH(QString, encoding);
        const auto got = ts::encodingForModel(model.toStdString());
        QCOMPARE(got ? QString::fromUtf8(got->data(), qsizetype(got->size())) : QString(), encoding);
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
