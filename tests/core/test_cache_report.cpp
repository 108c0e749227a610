// The Cache panel's figures from hand-built traces: per day and layer, provider prompt caching per
// model with its discount at known prices, and the hit ratio per shared prefix.
#include "cache/cache_report.h"
#include "cache/prefix_key.h"
#include "cache_trace_fixtures.h"
#include "qtest_std_string.h"

#include <QtTest/QTest>

using namespace ts;
using namespace ts::cache;
using namespace ts::test;

namespace {

const std::string kBillingPrompt = "You are a helpful assistant for billing questions at Acme Corp.";

// m1: $2.00 per million input tokens, $0.50 cached; m2 has no price.
Catalog testCatalog()
{
    ModelInfo m1;
    m1.id = "m1";
    m1.provider = "openai";
    m1.prices.input = TieredPrice(2.0);
    m1.prices.cachedInput = TieredPrice(0.5);
    m1.prices.output = TieredPrice(8.0);
    return Catalog({m1});
}

Trace callTrace(Nanos start, const std::string& model, const std::string& provider, std::int64_t input,
                std::int64_t cached, std::vector<Message> messages)
{
    TraceSpec spec;
    spec.start = start;
    spec.model = model;
    spec.provider = provider;
    spec.inputTokens = input;
    spec.outputTokens = 0;
    Trace trace = makeTrace(spec);
    trace.input = std::move(messages);
    setCacheRead(trace, cached);
    summarize(trace);
    return trace;
}

std::vector<Message> billing(const std::string& question)
{
    return {{Role::System, kBillingPrompt, {}, {}, {}}, {Role::User, question, {}, {}, {}}};
}

CacheReport sampleReport(const Catalog& catalog)
{
    CacheReportBuilder builder(catalog);
    Trace a = callTrace(kDay1 + 1000, "m1", "openai", 1000, 0, billing("Why was I charged twice?"));
    addLookup(a, "exact", false);
    addLookup(a, "none", false); // no cache configured: not a lookup of any layer
    builder.add(a);
    TraceSpec spec;
    spec.start = kDay1 + 2000;
    builder.add(cacheHitTrace(spec, "exact", 0.25));
    Trace c = cacheHitTrace(spec, "semantic", 0.10);
    addLookup(c, "exact", false);
    builder.add(c);
    builder.add(callTrace(kDay1 + kDay, "m1", "openai", 1'000'000, 400'000, billing("Where is my invoice?")));
    builder.add(callTrace(kDay1 + kDay + 5, "m2", "anthropic", 200, 100, {{Role::User, "Summarise this", {}, {}, {}}}));
    return builder.finish();
}

} // namespace

class TestCacheReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void perDayAndLayer();
    void totals();
    void providerCachingAndDiscount();
    void hitRatioPerPrefix();
    void prefixLabels_data();
    void prefixLabels();
    void noTracesNoHits();
    void layeredLookupsCountEveryLayerAsked();
};

// What CacheLayers records: a miss names every layer asked; a semantic hit says it asked exact too.
void TestCacheReport::layeredLookupsCountEveryLayerAsked()
{
    const Catalog catalog = testCatalog();
    CacheReportBuilder builder(catalog);
    Trace miss = callTrace(kDay1 + 1000, "m1", "openai", 1000, 0, billing("Why was I charged twice?"));
    addLookup(miss, "exact+semantic", false);
    miss.spans.back().attributes[std::string(attr::kCacheAsked)] = std::string("exact+semantic");
    builder.add(miss);
    TraceSpec spec;
    spec.start = kDay1 + 2000;
    Trace hit = cacheHitTrace(spec, "semantic", 0.10);
    for (Span& s : hit.spans)
        if (s.name == "cache.lookup")
            s.attributes[std::string(attr::kCacheAsked)] = std::string("exact+semantic");
    builder.add(hit);
    const CacheReport r = builder.finish();
    QCOMPARE(r.total(CacheLayer::Exact), (LayerFigures{2, 0, 0.0}));
    QCOMPARE(r.total(CacheLayer::Semantic), (LayerFigures{2, 1, 0.10}));
}

void TestCacheReport::perDayAndLayer()
{
    const Catalog catalog = testCatalog();
    const CacheReport r = sampleReport(catalog);
    QCOMPARE(r.tracesRead, 5);
    QCOMPARE(r.days.size(), 2u);
    QCOMPARE(r.days[0].day, kDay1);
    QCOMPARE(r.days[1].day, kDay1 + kDay);
    const LayerFigures& exact = r.days[0].at(CacheLayer::Exact);
    QCOMPARE(exact, (LayerFigures{3, 1, 0.25}));
    QCOMPARE(exact.hitRate(), 1.0 / 3.0);
    QCOMPARE(r.days[0].at(CacheLayer::Semantic), (LayerFigures{1, 1, 0.10}));
    QCOMPARE(r.days[0].at(CacheLayer::ProviderPrefix), (LayerFigures{1, 0, 0.0}));
    QCOMPARE(r.days[1].at(CacheLayer::Exact), (LayerFigures{}));
    // 400,000 cached tokens at $2.00 instead of $0.50 per million: $0.60; m2 has no price.
    const LayerFigures& prefix = r.days[1].at(CacheLayer::ProviderPrefix);
    QCOMPARE(prefix.requests, 2);
    QCOMPARE(prefix.hits, 2);
    QVERIFY(qFuzzyCompare(prefix.savedUsd, 0.6));
}

void TestCacheReport::totals()
{
    const Catalog catalog = testCatalog();
    const CacheReport r = sampleReport(catalog);
    QCOMPARE(r.total(CacheLayer::Exact), (LayerFigures{3, 1, 0.25}));
    QCOMPARE(r.total(CacheLayer::Semantic), (LayerFigures{1, 1, 0.10}));
    QCOMPARE(r.total(CacheLayer::ProviderPrefix).requests, 3);
    QCOMPARE(r.total(CacheLayer::ProviderPrefix).hits, 2);
    QVERIFY(r.anyHits());
}

void TestCacheReport::providerCachingAndDiscount()
{
    const Catalog catalog = testCatalog();
    const CacheReport r = sampleReport(catalog);
    QCOMPARE(r.providers.size(), 2u);
    const ProviderCaching& m1 = r.providers[0]; // most cached tokens first
    QCOMPARE(m1.provider, std::string("openai"));
    QCOMPARE(m1.model, std::string("m1"));
    QCOMPARE(m1.calls, 2);
    QCOMPARE(m1.inputTokens, 1'001'000);
    QCOMPARE(m1.cachedTokens, 400'000);
    QCOMPARE(m1.share(), 400'000.0 / 1'001'000.0);
    QVERIFY(qFuzzyCompare(m1.discountUsd, 0.6));
    QVERIFY(m1.priced);
    const ProviderCaching& m2 = r.providers[1];
    QCOMPARE(m2.provider, std::string("anthropic"));
    QCOMPARE(m2.cachedTokens, 100);
    QCOMPARE(m2.share(), 0.5);
    QCOMPARE(m2.discountUsd, 0.0);
    QVERIFY(!m2.priced);
}

void TestCacheReport::hitRatioPerPrefix()
{
    const Catalog catalog = testCatalog();
    const CacheReport r = sampleReport(catalog);
    // The two cache-hit traces made no model call, so only three calls have a prefix.
    QCOMPARE(r.prefixes.size(), 2u);
    const PrefixCaching& billingPrefix = r.prefixes[0];
    QCOMPARE(billingPrefix.label, std::string("You are a helpful assistant for billing questions …"));
    QCOMPARE(billingPrefix.calls, 2);
    QCOMPARE(billingPrefix.hits, 1);
    QCOMPARE(billingPrefix.hitRatio(), 0.5);
    QCOMPARE(billingPrefix.cachedTokens, 400'000);
    QCOMPARE(billingPrefix.hash, prefixKeyOf(billing("anything else")).hash);
    QCOMPARE(r.prefixes[1].label, std::string("(user) Summarise this"));
    QCOMPARE(r.prefixes[1].hitRatio(), 1.0);
}

void TestCacheReport::prefixLabels_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("words");
    QTest::addColumn<QString>("label");
    QTest::newRow("short") << u"Be brief."_qs << 8 << u"Be brief."_qs;
    QTest::newRow("exact count") << u"one two three"_qs << 3 << u"one two three"_qs;
    QTest::newRow("cut") << u"one two three four"_qs << 3 << u"one two three …"_qs;
    QTest::newRow("lines and runs of spaces") << u"  one\n\ntwo \t three  "_qs << 8 << u"one two three"_qs;
    QTest::newRow("empty") << QString() << 8 << QString();
}

void TestCacheReport::prefixLabels()
{
    QFETCH(QString, text);
    QFETCH(int, words);
    QFETCH(QString, label);
    QCOMPARE(QString::fromStdString(firstWords(text.toStdString(), words)), label);
}

void TestCacheReport::noTracesNoHits()
{
    const Catalog catalog = testCatalog();
    const CacheReport r = CacheReportBuilder(catalog).finish();
    QCOMPARE(r.tracesRead, 0);
    QVERIFY(r.days.empty());
    QVERIFY(!r.anyHits());
    QVERIFY(prefixKeyOf({}).hash.empty());
}

QTEST_GUILESS_MAIN(TestCacheReport)
#include "test_cache_report.moc"
