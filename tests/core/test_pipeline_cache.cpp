// The exact cache in the pipeline: a streamed answer from the simulated provider is stored with its
// pacing, and the same request again is a hit replayed as a stream (paced or at once), with what
// happened on the cache.lookup span; the gateway config's "cache" section turns it on.
#include "cache/exact_cache.h"
#include "engine/gateway_setup.h"
#include "model/attributes.h"
#include "providers/embedder_factory.h"
#include "providers/simulated.h"
#include "topic_embeddings_server.h"

#include <QTemporaryDir>
#include <QTest>

#include "qtest_std_string.h"

#include <chrono>

using namespace ts;
using namespace ts::cache;
using ts::test::TopicEmbeddingsServer;

namespace {

using Steady = std::chrono::steady_clock;

double msBetween(Steady::time_point a, Steady::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// What reached the caller's onText, with when.
struct Received
{
    std::vector<std::string> deltas;
    std::vector<Steady::time_point> at;
    double spanMs() const { return at.size() < 2 ? 0 : msBetween(at.front(), at.back()); }
};

ChatRequest request()
{
    ChatRequest r;
    r.provider = "simulated";
    r.model = "gpt-4o-mini";
    r.messages = {{Role::User, "Tell me about rivers."}};
    r.meta.user = "ada";
    return r;
}

SimulatedConfig fastStream()
{
    SimulatedConfig c;
    c.jitter = 0.1;
    c.defaultOutputTokens = 60;
    c.profiles["gpt-4o-mini"] = {30, 150}; // ~20 ms between 3-token chunks: a stream of ~0.3 s
    return c;
}

struct Fixture
{
    QTemporaryDir dir;
    std::vector<Trace> traces;
    Pipeline pipeline;

    explicit Fixture(ReplayPacing replay)
        : pipeline(registry(), [this](Trace t) { traces.push_back(std::move(t)); })
    {
        ExactCacheConfig config;
        config.enabled = true;
        config.replay = replay;
        pipeline.setCache(ExactCache::open(path(), config, systemClock(), TraceStore::OpenMode::CreateIfMissing));
    }
    static std::shared_ptr<ProviderRegistry> registry()
    {
        auto r = std::make_shared<ProviderRegistry>();
        r->add(std::make_shared<SimulatedProvider>(fastStream()));
        return r;
    }
    std::string path() const { return dir.filePath(QStringLiteral("ws.db")).toStdString(); }

    PipelineResult run(Received& received, const CancelToken* cancel = nullptr)
    {
        RunOptions o;
        o.cancel = cancel;
        o.onText = [&received](std::string_view delta, Nanos) {
            received.deltas.emplace_back(delta);
            received.at.push_back(Steady::now());
            return true;
        };
        return pipeline.run(request(), o);
    }
    const Span& stage(const std::string& name) const
    {
        for (const Span& s : traces.back().spans)
            if (s.attrString(attr::kStage) == name)
                return s;
        throw std::runtime_error("no " + name + " span");
    }
    bool hasStage(const std::string& name) const
    {
        for (const Span& s : traces.back().spans)
            if (s.attrString(attr::kStage) == name)
                return true;
        return false;
    }
};

std::string joined(const std::vector<std::string>& parts)
{
    std::string out;
    for (const auto& p : parts)
        out += p;
    return out;
}

} // namespace

class TestPipelineCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aStreamedAnswerIsReplayedWithItsPacing()
    {
        Fixture f(ReplayPacing::Original);
        Received first;
        const PipelineResult original = f.run(first);
        QVERIFY2(original.ok(), original.error.message.c_str());
        QVERIFY(!original.cacheHit);
        QVERIFY(first.deltas.size() >= 8);
        QVERIFY(f.stage("cache.store").attrBool(attr::kCacheStored));
        QVERIFY(!f.stage("cache.lookup").attrBool(attr::kCacheHit));

        Received second;
        const PipelineResult replayed = f.run(second);
        QVERIFY(replayed.ok());
        QVERIFY(replayed.cacheHit);
        QCOMPARE(second.deltas, first.deltas); // the same pieces, in order
        QCOMPARE(joined(second.deltas), original.response.text);
        QCOMPARE(replayed.response.text, original.response.text);
        QVERIFY(replayed.simulated); // a hit on a simulated answer says so, as the call did
        QVERIFY(f.traces.back().spans.front().attrBool(attr::kSimulated));
        qInfo("original stream %.0f ms, paced replay %.0f ms", first.spanMs(), second.spanMs());
        QVERIFY(first.spanMs() > 100);
        QVERIFY(second.spanMs() >= 0.9 * first.spanMs() - 5);
        QVERIFY(second.spanMs() <= first.spanMs() + 250);

        QVERIFY(!f.hasStage("route"));
        QVERIFY(!f.hasStage("cache.store"));
        const Span& lookup = f.stage("cache.lookup");
        QVERIFY(lookup.attrBool(attr::kCacheHit));
        QCOMPARE(lookup.attrString(attr::kCacheLayer), std::string("exact"));
        QCOMPARE(lookup.attrString(attr::kCacheKey).size(), std::size_t{64});
        QCOMPARE(lookup.attrString(attr::kCacheEntry), lookup.attrString(attr::kCacheKey));
        QVERIFY(lookup.attrInt(attr::kCacheAgeMs).value_or(-1) >= 0);
        QCOMPARE(lookup.attrString(attr::kCacheReplay), std::string("paced"));
        QVERIFY(original.cost.total() > 0);
        QCOMPARE(lookup.attrDouble(attr::kCacheSavedUsd).value_or(0), original.cost.total());
        QCOMPARE(f.traces.back().summary.costUsd, 0.0); // the hit itself cost nothing
    }

    void anInstantReplayDoesNotWait()
    {
        Fixture f(ReplayPacing::Instant);
        Received first, second;
        QVERIFY(f.run(first).ok());
        const PipelineResult replayed = f.run(second);
        QVERIFY(replayed.cacheHit);
        QCOMPARE(second.deltas, first.deltas);
        qInfo("original stream %.0f ms, instant replay %.1f ms", first.spanMs(), second.spanMs());
        QVERIFY(second.spanMs() < first.spanMs() / 4);
        QCOMPARE(f.stage("cache.lookup").attrString(attr::kCacheReplay), std::string("instant"));
    }

    void aCancelStopsAPacedReplay()
    {
        Fixture f(ReplayPacing::Original);
        Received first;
        QVERIFY(f.run(first).ok());
        CancelToken cancel;
        Received second;
        RunOptions o;
        o.cancel = &cancel;
        o.onText = [&](std::string_view delta, Nanos) {
            second.deltas.emplace_back(delta);
            cancel.cancel();
            return true;
        };
        const auto started = Steady::now();
        const PipelineResult r = f.pipeline.run(request(), o);
        QCOMPARE(r.error.kind, ProviderError::Kind::Cancelled);
        QCOMPARE(second.deltas.size(), std::size_t{1});
        QVERIFY(msBetween(started, Steady::now()) < first.spanMs() / 2);
    }

    void theGatewayConfigTurnsTheCacheOn()
    {
        const auto parsed = parseGatewayConfig(R"({"cache": {"exact": {"ttl_seconds": 90, "replay": "instant",
                                                   "whitespace": "collapse", "share_across_users": true}}})");
        QVERIFY(parsed.ok());
        const ExactCacheConfig& c = parsed.config.exactCache;
        QVERIFY(c.enabled); // a section is on unless it says otherwise
        QCOMPARE(c.ttl, 90 * kNsPerSec);
        QCOMPARE(c.replay, ReplayPacing::Instant);
        QCOMPARE(c.key.whitespace, WhitespacePolicy::Collapse);
        QVERIFY(c.key.shareAcrossUsers);
        QVERIFY(!parseGatewayConfig("{}").config.exactCache.enabled);

        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("ws.db")).toStdString();
        Pipeline pipeline(Fixture::registry(), {});
        const auto config = std::make_shared<const GatewayConfig>(parsed.config);
        QVERIFY_THROWS_EXCEPTION(WorkspaceError, applyGatewayConfig(pipeline, config, path)); // no workspace yet
        QVERIFY(!pipeline.cache());
        TraceStore::open(path, TraceStore::OpenMode::CreateIfMissing);
        applyGatewayConfig(pipeline, config, path);
        const auto installed = std::dynamic_pointer_cast<ExactCache>(pipeline.cache());
        QVERIFY(installed);
        QCOMPARE(installed->config(), c);
        applyGatewayConfig(pipeline, config, path);
        QCOMPARE(pipeline.cache().get(), installed.get()); // the same settings keep the open cache
        applyGatewayConfig(pipeline, config); // no workspace given: no cache
        QVERIFY(!pipeline.cache());
        applyGatewayConfig(pipeline, config, path);
        applyGatewayConfig(pipeline, nullptr, path);
        QVERIFY(!pipeline.cache());
    }

    void exactThenSemanticLayers()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("ws.db")).toStdString();
        TraceStore::open(path, TraceStore::OpenMode::CreateIfMissing);
        const auto parsed = parseGatewayConfig(R"({"cache": {"exact": {"replay": "instant"}, "semantic": {"threshold": 0.7}}})");
        QVERIFY(parsed.ok());
        std::vector<Trace> traces;
        Pipeline pipeline(Fixture::registry(), [&](Trace t) { traces.push_back(std::move(t)); });
        const auto config = std::make_shared<const GatewayConfig>(parsed.config);
        applyGatewayConfig(pipeline, config, path);
        QCOMPARE(pipeline.cache()->layerName(), std::string("exact+semantic"));
        const auto installed = pipeline.cache();
        applyGatewayConfig(pipeline, config, path);
        QCOMPARE(pipeline.cache()->layerName(), std::string("exact+semantic"));

        auto ask = [&](const std::string& question) {
            ChatRequest r = request();
            r.messages = {{Role::User, question}};
            const PipelineResult result = pipeline.run(r);
            for (const Span& s : traces.back().spans)
                if (s.attrString(attr::kStage) == "cache.lookup")
                    return std::make_pair(result, s);
            throw std::runtime_error("no cache.lookup span");
        };
        const auto [first, firstLookup] = ask("What is the capital of France?");
        QVERIFY(first.ok() && !first.cacheHit);
        QCOMPARE(firstLookup.attrString(attr::kCacheLayer), std::string("exact+semantic"));
        const auto [reworded, semanticLookup] = ask("what's France's capital city?");
        QVERIFY(reworded.cacheHit);
        QCOMPARE(reworded.response.text, first.response.text);
        QCOMPARE(semanticLookup.attrString(attr::kCacheLayer), std::string("semantic"));
        QVERIFY(semanticLookup.attrDouble("tokenscope.cache.similarity").value_or(0) >= 0.7);
        QCOMPARE(semanticLookup.attrString(attr::kCacheEntry), std::string("1"));
        const auto [again, exactLookup] = ask("What is the capital of France?");
        QVERIFY(again.cacheHit);
        QCOMPARE(exactLookup.attrString(attr::kCacheLayer), std::string("exact"));
        const auto [other, otherLookup] = ask("Write a haiku about autumn leaves.");
        QVERIFY(!other.cacheHit);

        const auto semanticOnly = std::make_shared<const GatewayConfig>(parseGatewayConfig(R"({"cache": {"semantic": {}}})").config);
        applyGatewayConfig(pipeline, semanticOnly, path);
        QCOMPARE(pipeline.cache()->layerName(), std::string("semantic"));
        QVERIFY(pipeline.cache() != installed);
    }

    void aProviderEmbedderFromTheProfiles()
    {
        const std::string question = "What is the capital of France?", reworded = "Tell me France's capital, please";
        TopicEmbeddingsServer server({{question, 3}, {reworded, 3}});
        ProviderProfile profile;
        profile.id = "embeds";
        profile.kind = "openai";
        profile.baseUrl = server.baseUrl();
        const std::vector<ProviderProfile> profiles{profile};
        const EmbedderLookup lookup = [&](const std::string& provider, const std::string& model) {
            return makeEmbedder(profiles, {}, provider, model);
        };
        const auto parsed = parseGatewayConfig(
            R"({"cache": {"semantic": {"embedder": "embeds", "embedding_model": "mock-topics", "threshold": 0.9}}})");
        QVERIFY(parsed.ok());
        std::vector<Trace> traces;
        Pipeline pipeline(Fixture::registry(), [&](Trace t) { traces.push_back(std::move(t)); });
        applyGatewayConfig(pipeline, std::make_shared<const GatewayConfig>(parsed.config), {}, lookup);
        ChatRequest r = request();
        r.messages = {{Role::User, question}};
        QVERIFY(!pipeline.run(r).cacheHit);
        r.messages = {{Role::User, reworded}};
        QVERIFY(pipeline.run(r).cacheHit); // the topic server's vectors agree, though few words do
        QCOMPARE(server.requestCount(), 2); // the first lookup found an empty scope: only its store embedded
        for (const Span& s : traces.back().spans)
            if (s.attrString(attr::kStage) == "cache.lookup")
                QCOMPARE(s.attrString("tokenscope.cache.embedder"), std::string("openai:mock-topics"));

        const auto unknown = std::make_shared<const GatewayConfig>(parseGatewayConfig(
            R"({"cache": {"semantic": {"embedder": "nobody", "embedding_model": "m"}}})").config);
        try {
            applyGatewayConfig(pipeline, unknown, {}, lookup);
            QFAIL("an unknown embedder provider was accepted");
        } catch (const std::invalid_argument& e) {
            QCOMPARE(std::string(e.what()), std::string("the semantic cache cannot embed with 'nobody': no provider 'nobody' is configured"));
        }
        QVERIFY(pipeline.cache()); // nothing changed
    }

    void badCacheSettingsAreNamed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("ttl") << QStringLiteral(R"({"cache": {"exact": {"ttl_seconds": 0}}})")
                             << QStringLiteral("cache.exact.ttl_seconds: must be above 0");
        QTest::newRow("replay") << QStringLiteral(R"({"cache": {"exact": {"replay": "slow"}}})")
                                << QStringLiteral("cache.exact.replay: must be paced or instant");
        QTest::newRow("whitespace") << QStringLiteral(R"({"cache": {"exact": {"whitespace": "trim"}}})")
                                    << QStringLiteral("cache.exact.whitespace: must be exact or collapse");
        QTest::newRow("unknown field") << QStringLiteral(R"({"cache": {"exact": {"tll_seconds": 5}}})")
                                       << QStringLiteral("cache.exact.tll_seconds: unknown field");
        QTest::newRow("type") << QStringLiteral(R"({"cache": {"exact": {"enabled": "yes"}}})")
                              << QStringLiteral("cache.exact.enabled: expected true or false, got string");
        QTest::newRow("not an object") << QStringLiteral(R"({"cache": []})") << QStringLiteral("cache: expected an object");
        QTest::newRow("threshold") << QStringLiteral(R"({"cache": {"semantic": {"threshold": 1.5}}})")
                                   << QStringLiteral("cache.semantic.threshold: must be above 0 and at most 1");
        QTest::newRow("embedding model") << QStringLiteral(R"({"cache": {"semantic": {"embedder": "openai"}}})")
                                         << QStringLiteral("cache.semantic.embedding_model: required with a provider's embedder (e.g. text-embedding-3-small)");
    }

    void badCacheSettingsAreNamed()
    {
        QFETCH(QString, json);
        QFETCH(QString, error);
        const auto parsed = parseGatewayConfig(json.toStdString());
        QCOMPARE(parsed.errors.size(), std::size_t{1});
        QCOMPARE(parsed.errors.front(), error.toStdString());
    }
};

QTEST_GUILESS_MAIN(TestPipelineCache)
#include "test_pipeline_cache.moc"
