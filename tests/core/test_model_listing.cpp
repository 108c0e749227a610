// Listing what a provider's server serves, over real HTTP on loopback: each API's list and paging,
// refusals in words, slow and garbled answers, cancelling, and the key kept out of every error.
#include "mock_anthropic_server.h"
#include "mock_gemini_server.h"
#include "mock_ollama_server.h"
#include "mock_openai_server.h"
#include "providers/error_category.h"
#include "providers/model_listing.h"
#include "qtest_std_string.h"
#include "refused_port.h"

#include <QtTest/QTest>

#include <thread>

using ts::ErrorCategory;
using ts::ModelList;
using ts::ProviderProfile;
using namespace std::chrono_literals;
namespace listing_mock = ts::test::listing_mock;

namespace {

const std::string kOpenAIKey = "sk-list-0123456789abcdef";
const std::string kAnthropicKey = "sk-ant-list-0123456789";
const std::string kGeminiKey = "AIzaList0123456789abcdef";

ProviderProfile profile(std::string kind, std::string baseUrl)
{
    ProviderProfile p;
    p.id = kind;
    p.kind = std::move(kind);
    p.baseUrl = std::move(baseUrl);
    return p;
}

std::vector<std::string> ids(const ModelList& list)
{
    std::vector<std::string> out;
    for (const auto& m : list.models)
        out.push_back(m.id);
    return out;
}

std::string descriptionOf(const ModelList& list, const std::string& id)
{
    for (const auto& m : list.models)
        if (m.id == id)
            return m.description;
    return "(not listed)";
}

// Everything a user or a log could see of a failed listing.
std::string errorText(const ModelList& list)
{
    return list.error.message + " " + list.error.type + " " + list.error.code + " " + ts::describeError(list.error);
}

} // namespace

class TestModelListing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openaiListsWithBearerAndCustomHeaders()
    {
        ts::test::MockOpenAIServer server;
        server.setApiKey(kOpenAIKey);
        ProviderProfile p = profile("openai", server.baseUrl());
        p.headers = {{"X-Title", "Tokenscope"}};
        const ModelList list = ts::listModels(p, kOpenAIKey);
        QVERIFY2(!list.error, list.error.message.c_str());
        QVERIFY(list.listed);
        QCOMPARE(ids(list), (std::vector<std::string>{"gpt-4o", "gpt-4o-mini", "o4-mini", "text-embedding-3-small"}));
        QCOMPARE(descriptionOf(list, "gpt-4o"), std::string("owned by system"));
        QVERIFY(list.elapsedMs > 0);
        const auto sent = server.lastRequest();
        QCOMPARE(sent.method, std::string("GET"));
        QCOMPARE(sent.path, std::string("/v1/models"));
        QCOMPARE(sent.header("authorization"), "Bearer " + kOpenAIKey);
        QCOMPARE(sent.header("x-title"), std::string("Tokenscope"));
    }

    void openaiWrongKeyIsAuthAndNeverRepeated()
    {
        ts::test::MockOpenAIServer server;
        server.setApiKey(kOpenAIKey);
        const std::string wrong = "sk-wrong-9876543210fedcba";
        const ModelList list = ts::listModels(profile("openai", server.baseUrl()), wrong);
        QCOMPARE(ts::categorize(list.error), ErrorCategory::Auth);
        QCOMPARE(list.error.httpStatus, 401);
        QVERIFY(list.models.empty());
        const std::string text = errorText(list);
        QVERIFY2(text.find("refused the API key") != std::string::npos, text.c_str());
        QVERIFY2(text.find("Incorrect API key provided") != std::string::npos, text.c_str());
        QVERIFY2(text.find(wrong) == std::string::npos, text.c_str()); // the mock echoed it whole
    }

    void anthropicPagesThroughEveryModel()
    {
        ts::test::MockAnthropicServer server(kAnthropicKey);
        const ModelList list = ts::listModels(profile("anthropic", server.baseUrl()), kAnthropicKey);
        QVERIFY2(!list.error, list.error.message.c_str());
        QCOMPARE(list.models.size(), std::size_t(listing_mock::kAnthropicModels));
        QCOMPARE(ids(list).front(), std::string("claude-3-5-haiku-20241022")); // sorted by id
        QCOMPARE(descriptionOf(list, "claude-sonnet-4-5-20250929"), std::string("Claude Sonnet 4.5"));
        QCOMPARE(server.requestCount(), 3); // pages of two: 2 + 2 + 1
        QCOMPARE(server.lastRequest().header("anthropic-version"), std::string("2023-06-01"));
    }

    void anthropicWrongKeyIsAuth()
    {
        ts::test::MockAnthropicServer server(kAnthropicKey);
        const ModelList list = ts::listModels(profile("anthropic", server.baseUrl()), "sk-ant-not-this-one");
        QCOMPARE(ts::categorize(list.error), ErrorCategory::Auth);
        QCOMPARE(list.error.type, std::string("authentication_error"));
        QVERIFY(errorText(list).find("sk-ant-not-this-one") == std::string::npos);
    }

    void geminiPagesAndKeepsGeneratingModels()
    {
        ts::test::MockGeminiServer server(kGeminiKey);
        const ModelList list = ts::listModels(profile("gemini", server.baseUrl()), kGeminiKey);
        QVERIFY2(!list.error, list.error.message.c_str());
        QCOMPARE(ids(list), (std::vector<std::string>{"gemini-2.5-flash", "gemini-2.5-pro", "text-embedding-004"}));
        QCOMPARE(descriptionOf(list, "gemini-2.5-flash"), std::string("Gemini 2.5 Flash · generateContent"));
        QCOMPARE(descriptionOf(list, "text-embedding-004"), std::string("Text Embedding 004 · embedContent"));
        QCOMPARE(server.requestCount(), 2);
        const auto sent = server.lastRequest();
        QCOMPARE(sent.header("x-goog-api-key"), kGeminiKey);
        QVERIFY2(sent.path.find("pageToken=Cg2+/==") != std::string::npos, sent.path.c_str()); // decoded by the server
        QVERIFY(sent.path.find("key=") == std::string::npos);                                    // never in the URL
    }

    void geminiWrongKeyIsAuth()
    {
        ts::test::MockGeminiServer server(kGeminiKey);
        const ModelList list = ts::listModels(profile("gemini", server.baseUrl()), "AIzaNotTheRightKey000");
        QCOMPARE(ts::categorize(list.error), ErrorCategory::Auth);
        QVERIFY(errorText(list).find("AIzaNotTheRightKey000") == std::string::npos);
    }

    void ollamaTagsWithSizeAndQuantization()
    {
        ts::test::MockOllamaServer server;
        const ModelList list = ts::listModels(profile("ollama", server.baseUrl()), "");
        QVERIFY2(!list.error, list.error.message.c_str());
        QCOMPARE(ids(list), (std::vector<std::string>{"deepseek-r1:latest", "llama3.2:latest"}));
        QCOMPARE(descriptionOf(list, "deepseek-r1:latest"), std::string("7.6B Q4_K_M"));
        QCOMPARE(server.lastRequest().path, std::string("/api/tags"));
        QVERIFY(server.lastRequest().header("authorization").empty());
    }

    void ollamaBehindAnAuthenticatingProxy()
    {
        ts::test::MockOllamaServer server;
        server.setApiKey("ollama-cloud-key-123");
        ModelList list = ts::listModels(profile("ollama", server.baseUrl()), "");
        QCOMPARE(ts::categorize(list.error), ErrorCategory::Auth);
        QCOMPARE(list.error.message, std::string("unauthorized"));
        list = ts::listModels(profile("ollama", server.baseUrl()), "ollama-cloud-key-123");
        QVERIFY2(!list.error, list.error.message.c_str());
    }

    void azureCannotListAndSaysSo()
    {
        ProviderProfile p = profile("azure", "https://127.0.0.1:1");
        p.azureDeployment = "gpt4o-prod";
        const ModelList list = ts::listModels(p, "az-key");
        QVERIFY(!list.error);
        QVERIFY(!list.listed);
        QCOMPARE(ids(list), std::vector<std::string>{"gpt4o-prod"});
    }

    void slowServerTimesOut()
    {
        ts::test::MockOpenAIServer server;
        server.setListingMode(listing_mock::Mode::Slow);
        ProviderProfile p = profile("openai", server.baseUrl());
        p.idleTimeout = 300ms;
        const auto started = std::chrono::steady_clock::now();
        const ModelList list = ts::listModels(p, kOpenAIKey);
        QCOMPARE(ts::categorize(list.error), ErrorCategory::Timeout);
        QVERIFY(std::chrono::steady_clock::now() - started < 10s);
        QVERIFY(errorText(list).find(kOpenAIKey) == std::string::npos);
    }

    void garbledAnswerIsMalformed_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char* kind : {"openai", "anthropic", "gemini", "ollama"})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }

    void garbledAnswerIsMalformed()
    {
        QFETCH(QString, kind);
        ts::test::MockOpenAIServer openai;
        ts::test::MockAnthropicServer anthropic(kAnthropicKey);
        ts::test::MockGeminiServer gemini(kGeminiKey);
        ts::test::MockOllamaServer ollama;
        openai.setListingMode(listing_mock::Mode::Garbled);
        anthropic.setListingMode(listing_mock::Mode::Garbled);
        gemini.setListingMode(listing_mock::Mode::Garbled);
        ollama.setListingMode(listing_mock::Mode::Garbled);
        const std::string k = kind.toStdString();
        const std::string base = k == "openai" ? openai.baseUrl() : k == "anthropic" ? anthropic.baseUrl()
                                                              : k == "gemini"      ? gemini.baseUrl()
                                                                                   : ollama.baseUrl();
        const std::string key = k == "anthropic" ? kAnthropicKey : k == "gemini" ? kGeminiKey : "";
        const ModelList list = ts::listModels(profile(k, base), key);
        QCOMPARE(ts::categorize(list.error), ErrorCategory::MalformedStream);
        QVERIFY2(list.error.message.find("not a model list") != std::string::npos, list.error.message.c_str());
        QVERIFY(list.models.empty());
    }

    void cancelStopsAWaitingListing()
    {
        ts::test::MockAnthropicServer server(kAnthropicKey);
        server.setListingMode(listing_mock::Mode::Slow);
        ts::CancelToken cancel;
        std::thread stopper([&] {
            std::this_thread::sleep_for(200ms);
            cancel.cancel();
        });
        const auto started = std::chrono::steady_clock::now();
        const ModelList list = ts::listModels(profile("anthropic", server.baseUrl()), kAnthropicKey, &cancel);
        stopper.join();
        QCOMPARE(ts::categorize(list.error), ErrorCategory::Cancelled);
        QVERIFY(std::chrono::steady_clock::now() - started < 10s);
    }

    void unreachableServerIsNetwork()
    {
        ts::test::RefusedPort refused;
        const std::string base = "http://127.0.0.1:" + std::to_string(refused.port()) + "/v1";
        const ModelList list = ts::listModels(profile("openai", base), kOpenAIKey);
        QCOMPARE(ts::categorize(list.error), ErrorCategory::Network);
        QVERIFY(errorText(list).find(kOpenAIKey) == std::string::npos);
    }

    void invalidProfileSendsNothing()
    {
        const ModelList list = ts::listModels(profile("openai", "localhost:8000"), kOpenAIKey);
        QCOMPARE(ts::categorize(list.error), ErrorCategory::Config);
        QVERIFY2(list.error.message.find("base URL") != std::string::npos, list.error.message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestModelListing)
#include "test_model_listing.moc"
