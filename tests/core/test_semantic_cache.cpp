// The semantic cache: a reworded question hits and an unrelated one misses, with the lexical
// embedder and with a provider's embeddings over loopback HTTP; scopes keep models, system prompts,
// parameters, conversations and users apart; the threshold and TTL hold; the span says what happened.
#include "cache/lexical_embedder.h"
#include "cache/semantic_cache.h"
#include "cache/semantic_span.h"
#include "cache/semantic_threshold.h"
#include "model/attributes.h"
#include "providers/openai_embedder.h"
#include "qtest_std_string.h"
#include "topic_embeddings_server.h"

#include <QtTest/QTest>
#include <thread>

using ts::ChatRequest;
using ts::ChatResponse;
using ts::cache::SemanticCache;
using ts::cache::SemanticCacheConfig;
using ts::cache::SemanticLookup;
namespace semantic_attr = ts::cache::semantic_attr;
namespace attr = ts::attr;

namespace {

const std::string kQuestion = "What is the capital of France?";
const std::string kParaphrase = "what's France's capital city?";
const std::string kUnrelated = "How do I bake sourdough bread?";

ChatRequest ask(const std::string& question)
{
    ChatRequest r;
    r.provider = "openai";
    r.model = "gpt-4o-mini";
    r.messages = {{ts::Role::System, "You answer in one word."}, {ts::Role::User, question}};
    r.temperature = 0.0;
    r.meta.user = "ada";
    return r;
}

ChatResponse answer(const std::string& text)
{
    ChatResponse r;
    r.model = "gpt-4o-mini";
    r.text = text;
    r.finishReason = "stop";
    return r;
}

std::shared_ptr<ts::Embedder> lexical()
{
    return std::make_shared<ts::cache::LexicalEmbedder>();
}

std::string hitText(const SemanticLookup& lookup)
{
    return lookup.hit ? lookup.hit->response.text : std::string("(miss)");
}

} // namespace

class TestSemanticCache : public QObject
{
    Q_OBJECT

  private slots:
    void lexicalParaphraseHitsUnrelatedMisses()
    {
        SemanticCache cache(lexical());
        QCOMPARE(cache.store(ask(kQuestion), answer("Paris."), 0.00042), std::string());
        const SemanticLookup hit = cache.lookup(ask(kParaphrase));
        QCOMPARE(hitText(hit), std::string("Paris."));
        QCOMPARE(hit.hit->question, kQuestion);
        QVERIFY(hit.hit->similarity >= cache.threshold());
        QVERIFY(hit.hit->similarity < 1.0f);
        QCOMPARE(hit.hit->costUsd, 0.00042);
        const SemanticLookup miss = cache.lookup(ask(kUnrelated));
        QVERIFY(!miss.hit);
        QVERIFY(miss.nearest && miss.nearest->similarity < 0.2f);
        qInfo("lexical: paraphrase %.3f, unrelated %.3f, threshold %.2f", double(hit.hit->similarity),
              double(miss.nearest->similarity), double(cache.threshold()));
    }

    void providerParaphraseHitsUnrelatedMisses()
    {
        ts::test::TopicEmbeddingsServer server({{kQuestion, 0}, {kParaphrase, 0}, {kUnrelated, 1}});
        ts::OpenAIEmbedderConfig config;
        config.baseUrl = server.baseUrl();
        config.model = "mock-topics";
        SemanticCache cache(std::make_shared<ts::OpenAIEmbedder>(config));
        QCOMPARE(cache.embedderLabel(), std::string("openai:mock-topics"));
        QCOMPARE(cache.threshold(), ts::cache::kProviderThreshold);
        QCOMPARE(cache.lookup(ask(kQuestion)).hit.has_value(), false);
        QCOMPARE(server.requestCount(), 0); // nothing stored in the scope yet: no embedding call
        QCOMPARE(cache.store(ask(kQuestion), answer("Paris."), 0.001), std::string());
        const SemanticLookup hit = cache.lookup(ask(kParaphrase));
        QCOMPARE(hitText(hit), std::string("Paris."));
        const SemanticLookup miss = cache.lookup(ask(kUnrelated));
        QVERIFY(!miss.hit);
        QVERIFY(miss.nearest);
        qInfo("provider: paraphrase %.3f, unrelated %.3f", double(hit.hit->similarity),
              double(miss.nearest->similarity));
        QCOMPARE(server.requestCount(), 3);
    }

    void providerFailureIsAMissWithItsReason()
    {
        ts::test::TopicEmbeddingsServer server({});
        ts::OpenAIEmbedderConfig config;
        config.baseUrl = server.baseUrl() + "/nowhere";
        SemanticCache cache(std::make_shared<ts::OpenAIEmbedder>(config));
        const std::string why = cache.store(ask(kQuestion), answer("Paris."), 0);
        QVERIFY2(why.starts_with("embedding failed: openai:text-embedding-3-small"), why.c_str());
        QCOMPARE(cache.size(), std::size_t(0));
    }

    void scopesKeepApart_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("shareAcrossUsers");
        QTest::addColumn<bool>("hit");
        QTest::newRow("nothing") << QStringLiteral("none") << false << true;
        QTest::newRow("model") << QStringLiteral("model") << false << false;
        QTest::newRow("provider") << QStringLiteral("provider") << false << false;
        QTest::newRow("system prompt") << QStringLiteral("system") << false << false;
        QTest::newRow("temperature") << QStringLiteral("temperature") << false << false;
        QTest::newRow("max tokens") << QStringLiteral("maxTokens") << false << false;
        QTest::newRow("earlier turns") << QStringLiteral("history") << false << false;
        QTest::newRow("user") << QStringLiteral("user") << false << false;
        QTest::newRow("user, shared") << QStringLiteral("user") << true << true;
        QTest::newRow("session") << QStringLiteral("session") << false << true;
        QTest::newRow("stream flag") << QStringLiteral("stream") << false << true;
    }

    void scopesKeepApart()
    {
        QFETCH(QString, change);
        QFETCH(bool, shareAcrossUsers);
        QFETCH(bool, hit);
        SemanticCache cache(lexical(), SemanticCacheConfig{.shareAcrossUsers = shareAcrossUsers});
        QCOMPARE(cache.store(ask(kQuestion), answer("Paris."), 0), std::string());
        ChatRequest r = ask(kQuestion); // the very question: only the scope can make it miss
        if (change == u"model")
            r.model = "gpt-4o";
        else if (change == u"provider")
            r.provider = "azure";
        else if (change == u"system")
            r.messages.front().content = "You answer in French.";
        else if (change == u"temperature")
            r.temperature = 0.7;
        else if (change == u"maxTokens")
            r.maxTokens = 5;
        else if (change == u"history")
            r.messages.insert(r.messages.begin() + 1,
                              {{ts::Role::User, "Hi"}, {ts::Role::Assistant, "Hello!"}});
        else if (change == u"user")
            r.meta.user = "grace";
        else if (change == u"session")
            r.meta.session = "another";
        else if (change == u"stream")
            r.stream = !r.stream;
        QCOMPARE(cache.lookup(r).hit.has_value(), hit);
    }

    void thresholdIsRespected()
    {
        SemanticCache cache(lexical(), SemanticCacheConfig{.threshold = 0.99f});
        QCOMPARE(cache.store(ask(kQuestion), answer("Paris."), 0), std::string());
        const SemanticLookup nearMiss = cache.lookup(ask(kParaphrase));
        QVERIFY(!nearMiss.hit);
        QVERIFY(nearMiss.nearest && nearMiss.nearest->similarity > 0.7f);
        QCOMPARE(hitText(cache.lookup(ask("  what is the CAPITAL of france  "))), std::string("Paris."));
    }

    void entriesExpire()
    {
        ts::VirtualClock clock(1'000 * ts::kNsPerSec);
        SemanticCache cache(lexical(), SemanticCacheConfig{.ttl = 60 * ts::kNsPerSec}, clock);
        QCOMPARE(cache.store(ask(kQuestion), answer("Paris."), 0), std::string());
        clock.advance(59 * ts::kNsPerSec);
        const SemanticLookup fresh = cache.lookup(ask(kParaphrase));
        QCOMPARE(hitText(fresh), std::string("Paris."));
        QCOMPARE(fresh.hit->ageNs, 59 * ts::kNsPerSec);
        clock.advance(ts::kNsPerSec);
        QCOMPARE(cache.lookup(ask(kParaphrase)).hit.has_value(), false);
        QCOMPARE(cache.size(), std::size_t(1));
        QCOMPARE(cache.purgeExpired(), std::size_t(1));
        QCOMPARE(cache.size(), std::size_t(0));
    }

    void storeMakesRoomInAFullScope()
    {
        SemanticCache cache(lexical(), SemanticCacheConfig{.maxEntriesPerScope = 2});
        for (const std::string& q : {kQuestion, kUnrelated, std::string("Write a haiku about autumn leaves")})
            QCOMPARE(cache.store(ask(q), answer("answer to " + q), 0), std::string());
        QCOMPARE(cache.size(), std::size_t(2));
        QCOMPARE(cache.lookup(ask(kQuestion)).hit.has_value(), false);
        QCOMPARE(hitText(cache.lookup(ask(kUnrelated))), "answer to " + kUnrelated);
    }

    void onlyWholeAnswersToPlainQuestionsAreKept()
    {
        SemanticCache cache(lexical());
        ChatResponse failed = answer("");
        failed.finishReason = "error";
        QCOMPARE(cache.store(ask(kQuestion), failed, 0),
                 std::string("incomplete answer (finish reason 'error')"));
        ChatRequest toolTurn = ask(kQuestion);
        toolTurn.messages.push_back({ts::Role::Tool, "{\"temp\": 21}"});
        QCOMPARE(cache.store(toolTurn, answer("21 degrees."), 0),
                 std::string("not cacheable: the last message is not the user's"));
        ChatRequest withImage = ask("What is in this picture?");
        withImage.messages.back().images.push_back({"image/png", "iVBORw0KGgo=", ""});
        QCOMPARE(cache.store(withImage, answer("A cat."), 0),
                 std::string("not cacheable: the question has images"));
        QCOMPARE(cache.lookup(withImage).skipped, std::string("not cacheable: the question has images"));
        QCOMPARE(cache.size(), std::size_t(0));
    }

    void spanRecordsHit()
    {
        SemanticCache cache(lexical());
        QCOMPARE(cache.store(ask(kQuestion), answer("Paris."), 0.0125), std::string());
        const SemanticLookup hit = cache.lookup(ask(kParaphrase));
        ts::Span span;
        recordSemanticLookup(span, hit, cache);
        QCOMPARE(span.attrString(attr::kCacheLayer), std::string("semantic"));
        QCOMPARE(span.attrBool(attr::kCacheHit), true);
        QCOMPARE(span.attrString(semantic_attr::kEmbedder), std::string("lexical (local)"));
        QCOMPARE(span.attrDouble(semantic_attr::kSimilarity).value_or(0), double(hit.hit->similarity));
        QCOMPARE(span.attrString(attr::kCacheEntry), std::to_string(hit.hit->entryId));
        QCOMPARE(span.attrDouble(attr::kCacheSavedUsd).value_or(0), 0.0125);
        QVERIFY(!span.attr(semantic_attr::kNearest));
    }

    void spanRecordsNearMiss()
    {
        SemanticCache cache(lexical());
        QCOMPARE(cache.store(ask(kQuestion), answer("Paris."), 0.0125), std::string());
        ts::Span span;
        recordSemanticLookup(span, cache.lookup(ask("What is the capital of Germany?")), cache);
        QCOMPARE(span.attrBool(attr::kCacheHit), false);
        const double nearest = span.attrDouble(semantic_attr::kNearest).value_or(0);
        QVERIFY2(nearest > 0.5 && nearest < cache.threshold(), qPrintable(QString::number(nearest)));
        QCOMPARE(span.attrDouble(semantic_attr::kThreshold).value_or(0), double(cache.threshold()));
        QVERIFY(!span.attr(attr::kCacheSavedUsd));
    }

    // Lookups share the lock while a writer stores; every lookup sees a whole entry or none.
    void lookupsRunBesideStores()
    {
        SemanticCache cache(lexical());
        QCOMPARE(cache.store(ask(kQuestion), answer("Paris."), 0), std::string());
        std::atomic<int> hits = 0;
        std::vector<std::thread> readers;
        for (int t = 0; t < 3; ++t)
            readers.emplace_back([&] {
                for (int i = 0; i < 200; ++i)
                    hits += cache.lookup(ask(kParaphrase)).hit.has_value();
            });
        for (int i = 0; i < 300; ++i)
            QCOMPARE(cache.store(ask("question number " + std::to_string(i)), answer("answer"), 0),
                     std::string());
        for (auto& r : readers)
            r.join();
        QCOMPARE(hits.load(), 600);
        QCOMPARE(cache.size(), std::size_t(301));
    }
};

QTEST_APPLESS_MAIN(TestSemanticCache)
#include "test_semantic_cache.moc"
