// The OpenAI embedder over real HTTP on loopback: what it sends, vectors back in input order, usage,
// and the faults the mock server can stage.
#include "mock_openai_embeddings.h"
#include "mock_openai_server.h"
#include "providers/error_category.h"
#include "providers/openai_embedder.h"
#include "qtest_std_string.h"
#include "refused_port.h"

#include <QtTest/QTest>

using nlohmann::json;
using ts::ErrorCategory;
using ts::ProviderError;
using ts::test::MockOpenAIServer;
namespace mock = ts::test::embeddings_mock;

Q_DECLARE_METATYPE(ErrorCategory)

namespace {

const std::string kKey = "sk-test-embeddings-0123456789";
const std::vector<std::string> kTexts{"The food was delicious.", "The waiter was friendly.", "Zebras sleep standing."};

ts::OpenAIEmbedderConfig configFor(const MockOpenAIServer& server, const std::string& model)
{
    ts::OpenAIEmbedderConfig config;
    config.baseUrl = server.baseUrl();
    config.apiKey = kKey;
    config.model = model;
    return config;
}

std::variant<ts::Embeddings, ProviderError> embed(const ts::OpenAIEmbedderConfig& config,
                                                  const std::vector<std::string>& texts,
                                                  const ts::CancelToken* cancel = nullptr)
{
    ts::OpenAIEmbedder embedder(config);
    return embedder.embed(texts, cancel);
}

ProviderError errorOf(const std::variant<ts::Embeddings, ProviderError>& result)
{
    return std::holds_alternative<ProviderError>(result) ? std::get<ProviderError>(result) : ProviderError{};
}

} // namespace

class TestOpenAIEmbedder : public QObject
{
    Q_OBJECT

private slots:
    void vectors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("dimensions"); // asked for; 0: the model's own
        QTest::addColumn<int>("expected");
        QTest::newRow("text-embedding-3-small") << QStringLiteral("text-embedding-3-small") << 0 << 1536;
        QTest::newRow("text-embedding-3-large") << QStringLiteral("text-embedding-3-large") << 0 << 3072;
        QTest::newRow("shortened to 256") << QStringLiteral("text-embedding-3-small") << 256 << 256;
        QTest::newRow("data[] out of order") << QStringLiteral("mock-embed-reversed") << 0 << mock::kReversedDimensions;
    }

    void vectors()
    {
        QFETCH(QString, model);
        QFETCH(int, dimensions);
        QFETCH(int, expected);
        MockOpenAIServer server;
        server.setApiKey(kKey);
        ts::OpenAIEmbedderConfig config = configFor(server, model.toStdString());
        if (dimensions)
            config.dimensions = dimensions;
        const auto result = embed(config, kTexts);
        QVERIFY2(std::holds_alternative<ts::Embeddings>(result), errorOf(result).message.c_str());
        const ts::Embeddings& embeddings = std::get<ts::Embeddings>(result);
        QCOMPARE(embeddings.model, model.toStdString());
        QCOMPARE(embeddings.inputTokens, mock::tokensFor(kTexts));
        QCOMPARE(embeddings.vectors.size(), kTexts.size());
        for (std::size_t i = 0; i < kTexts.size(); ++i) {
            QCOMPARE(embeddings.vectors[i].size(), std::size_t(expected));
            QVERIFY2(embeddings.vectors[i] == mock::vectorFor(kTexts[i], expected), kTexts[i].c_str());
        }

        const ts::test::RecordedRequest sent = server.lastRequest();
        QCOMPARE(sent.path, std::string("/v1/embeddings"));
        QCOMPARE(sent.header("authorization"), "Bearer " + kKey);
        json body{{"model", model.toStdString()}, {"input", kTexts}, {"encoding_format", "float"}};
        if (dimensions)
            body["dimensions"] = dimensions;
        QCOMPARE(sent.json().dump(), body.dump());
    }

    void noTextsNoRequest()
    {
        MockOpenAIServer server;
        const auto result = embed(configFor(server, "text-embedding-3-small"), {});
        QVERIFY(std::holds_alternative<ts::Embeddings>(result));
        QVERIFY(std::get<ts::Embeddings>(result).vectors.empty());
        QCOMPARE(server.requestCount(), 0);
    }

    void identity()
    {
        ts::OpenAIEmbedderConfig config;
        QCOMPARE(ts::OpenAIEmbedder(config).id(), std::string("openai:text-embedding-3-small"));
        QCOMPARE(config.baseUrl, std::string("https://api.openai.com/v1"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("retryAfterMs"); // -1: none
        QTest::addColumn<ErrorCategory>("category");
        const QString model = QStringLiteral("text-embedding-3-small");
        const QString key = QString::fromStdString(kKey);
        const QString text = QStringLiteral("hello");
        const int http = int(ProviderError::Kind::Http);
        QTest::newRow("400 empty string") << model << key << QString() << http << 400 << qint64(-1)
                                          << ErrorCategory::BadRequest;
        QTest::newRow("401 bad key") << model << QStringLiteral("sk-wrong") << text << http << 401 << qint64(-1)
                                     << ErrorCategory::Auth;
        QTest::newRow("404 unknown model") << QStringLiteral("gpt-4o") << key << text << http << 404 << qint64(-1)
                                           << ErrorCategory::BadRequest;
        QTest::newRow("429 rate limited") << QStringLiteral("mock-embed-429") << key << text << http << 429
                                          << qint64(2000) << ErrorCategory::RateLimited;
        QTest::newRow("500") << QStringLiteral("mock-embed-500") << key << text << http << 500 << qint64(-1)
                             << ErrorCategory::Server;
        QTest::newRow("one embedding missing") << QStringLiteral("mock-embed-short") << key << text
                                               << int(ProviderError::Kind::Stream) << 0 << qint64(-1)
                                               << ErrorCategory::MalformedStream;
    }

    void errors()
    {
        QFETCH(QString, model);
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(qint64, retryAfterMs);
        QFETCH(ErrorCategory, category);
        MockOpenAIServer server;
        server.setApiKey(kKey);
        ts::OpenAIEmbedderConfig config = configFor(server, model.toStdString());
        config.apiKey = key.toStdString();
        const ProviderError error = errorOf(embed(config, {"first", text.toStdString()}));
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.httpStatus, status);
        QVERIFY(!error.message.empty());
        QCOMPARE(error.retryAfterMs.value_or(-1), static_cast<std::int64_t>(retryAfterMs));
        QCOMPARE(ts::categorize(error), category);
    }

    void connectRefused()
    {
        ts::test::RefusedPort refused;
        ts::OpenAIEmbedderConfig config;
        config.baseUrl = "http://127.0.0.1:" + std::to_string(refused.port()) + "/v1";
        const ProviderError error = errorOf(embed(config, kTexts));
        QCOMPARE(error.kind, ProviderError::Kind::Network);
        QVERIFY(error.retryable());
    }

    void cancelledBeforeAnswer()
    {
        MockOpenAIServer server;
        ts::CancelToken token;
        token.cancel();
        const ProviderError error = errorOf(embed(configFor(server, "text-embedding-3-small"), kTexts, &token));
        QCOMPARE(error.kind, ProviderError::Kind::Cancelled);
        QCOMPARE(ts::categorize(error), ErrorCategory::Cancelled);
    }

    void badBaseUrl()
    {
        ts::OpenAIEmbedderConfig config;
        config.baseUrl = "api.openai.com/v1";
        QCOMPARE(errorOf(embed(config, kTexts)).kind, ProviderError::Kind::Config);
    }
};

QTEST_GUILESS_MAIN(TestOpenAIEmbedder)
#include "test_openai_embedder.moc"
