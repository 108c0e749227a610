// Threshold tuning on recorded traffic with the lexical embedder: what a threshold would have
// served from the cache, and the pairs a user should look at before choosing one.
#include "cache/semantic_threshold.h"
#include "cache/threshold_tuning.h"
#include "cache_trace_fixtures.h"
#include "qtest_std_string.h"

#include <QtTest/QTest>

using namespace ts;
using namespace ts::cache;
using namespace ts::test;

namespace {

TuningRequest request(int at, const std::string& prompt, const std::string& answer = "same", double cost = 0.01,
                      const std::string& scope = "s")
{
    return {"t" + std::to_string(at), kDay1 + at, scope, prompt, answer, cost};
}

// Paraphrases (0.81 and 0.95 with the lexical embedder), a changed key word (0.60) and an unrelated question.
std::vector<TuningRequest> traffic()
{
    return {request(1, "What is the capital of France?", "Paris."),
            request(2, "Tell me the capital of France", "Paris.", 0.02),
            request(3, "How do I reverse a list in Python?", "Use reversed()."),
            request(4, "python: how to reverse a list", "Call list.reverse().", 0.04),
            request(5, "What is the capital of Germany?", "Berlin."),
            request(6, "How do I bake sourdough bread?", "Slowly.")};
}

const TuningPair* pairFor(const TuningResult& r, std::size_t request)
{
    for (const TuningPair& p : r.matches)
        if (p.request == request)
            return &p;
    return nullptr;
}

} // namespace

class TestThresholdTuning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paraphraseHitsAtTheDefaultThreshold();
    void unrelatedNeverHits();
    void repeatHitsAtEveryThreshold();
    void curveIsMonotone();
    void figuresAtAThreshold();
    void scopesAreKeptApart();
    void nearMissesAndRiskiestHits();
    void cancelStops();
    void requestFromATrace();
    void onlyWithinTheWindow();
};

void TestThresholdTuning::onlyWithinTheWindow()
{
    TuningRequest first = request(1, "Summarise the attached report");
    TuningRequest later = request(2, "Summarise the attached report");
    later.start = first.start + kTuningWindow + 1; // the entry would have expired
    QVERIFY(tuneThreshold({first, later})->matches.empty());
    later.start = first.start + kTuningWindow;
    QCOMPARE(tuneThreshold({first, later})->matches.size(), std::size_t{1});
}

void TestThresholdTuning::paraphraseHitsAtTheDefaultThreshold()
{
    const auto r = tuneThreshold({request(1, "What is the capital of France?"), request(2, "Tell me the capital of France")});
    QVERIFY(r);
    QCOMPARE(r->matches.size(), 1u);
    QCOMPARE(r->matches[0].earlier, 0u);
    QVERIFY(r->matches[0].similarity >= kLexicalThreshold);
    QCOMPARE(r->at(kLexicalThreshold).hits, 1);
}

void TestThresholdTuning::unrelatedNeverHits()
{
    const auto r = tuneThreshold({request(1, "What is the capital of France?"), request(2, "How do I bake sourdough bread?")});
    QVERIFY(r);
    for (const ThresholdFigures& f : r->curve())
        QCOMPARE(f.hits, 0);
}

void TestThresholdTuning::repeatHitsAtEveryThreshold()
{
    const auto r = tuneThreshold({request(1, "Summarise the attached report"), request(2, "Summarise the attached report")});
    QVERIFY(r);
    QCOMPARE(r->matches[0].similarity, 1.0f);
    QCOMPARE(r->at(1.0f).hits, 1);
}

void TestThresholdTuning::curveIsMonotone()
{
    const auto r = tuneThreshold(traffic());
    QVERIFY(r);
    const auto curve = r->curve();
    QCOMPARE(curve.size(), 51u);
    QCOMPARE(curve.front().threshold, 0.50f);
    QCOMPARE(curve.back().threshold, 1.00f);
    QVERIFY(curve.front().hits > 0);
    for (std::size_t i = 1; i < curve.size(); ++i) {
        QVERIFY(curve[i].threshold > curve[i - 1].threshold);
        QVERIFY2(curve[i].hitRate() <= curve[i - 1].hitRate(), qPrintable(QString::number(curve[i].threshold)));
        QVERIFY(curve[i].savedUsd <= curve[i - 1].savedUsd);
    }
}

void TestThresholdTuning::figuresAtAThreshold()
{
    const auto r = tuneThreshold(traffic());
    QVERIFY(r);
    // At 0.70 the two paraphrases hit (saving their own cost); Germany (0.60 to France) and bread do not.
    const ThresholdFigures f = r->at(0.70f);
    QCOMPARE(f.requests, 6);
    QCOMPARE(f.hits, 2);
    QVERIFY(qFuzzyCompare(f.savedUsd, 0.06));
    QCOMPARE(f.differing, 1); // reversed() / list.reverse()
    QCOMPARE(pairFor(*r, 1)->answersDiffer, false);
    QCOMPARE(pairFor(*r, 3)->answersDiffer, true);
    QCOMPARE(pairFor(*r, 3)->earlier, 2u);
}

void TestThresholdTuning::scopesAreKeptApart()
{
    const auto r = tuneThreshold({request(1, "What is the capital of France?", "Paris.", 0.01, "alice"),
                                  request(2, "What is the capital of France?", "Paris.", 0.01, "bob")});
    QVERIFY(r);
    QVERIFY(r->matches.empty());
    QCOMPARE(r->at(0.5f).hits, 0);
}

void TestThresholdTuning::nearMissesAndRiskiestHits()
{
    const auto r = tuneThreshold(traffic());
    QVERIFY(r);
    const float germany = pairFor(*r, 4)->similarity; // to France
    QVERIFY(germany < 0.70f);
    const auto misses = r->nearMisses(germany + 0.01f, 10);
    QCOMPARE(misses.size(), 1u);
    QCOMPARE(misses[0].request, 4u);
    for (const TuningPair& p : r->nearMisses(germany + 0.10f, 10)) // beyond the window below the threshold
        QVERIFY(p.request != 4u);
    const auto risky = r->riskiestHits(0.70f, 10);
    QCOMPARE(risky.size(), 2u);
    QCOMPARE(risky[0].request, 3u); // its answer differs, so it comes first whatever its similarity
    QCOMPARE(risky[1].request, 1u);
    QCOMPARE(r->riskiestHits(0.70f, 1).size(), 1u);
}

void TestThresholdTuning::cancelStops()
{
    CancelToken cancelled;
    cancelled.cancel();
    QVERIFY(!tuneThreshold(traffic(), &cancelled));

    CancelToken token;
    std::size_t seen = 0;
    const auto r = tuneThreshold(traffic(), &token, [&](std::size_t done, std::size_t total) {
        QCOMPARE(total, 6u);
        seen = done;
        if (done == 2)
            token.cancel();
    });
    QVERIFY(!r);
    QCOMPARE(seen, 2u);

    std::size_t last = 0;
    QVERIFY(tuneThreshold(traffic(), nullptr, [&](std::size_t done, std::size_t) { last = done; }));
    QCOMPARE(last, 6u);
}

void TestThresholdTuning::requestFromATrace()
{
    TraceSpec spec;
    spec.user = "ada";
    spec.prompt = "What is the capital of France?";
    spec.answer = "Paris.";
    spec.costUsd = 0.003;
    Trace trace = makeTrace(spec);
    trace.input.insert(trace.input.begin(), Message{Role::System, "Be brief.", {}, {}, {}});
    summarize(trace);
    const auto one = tuningRequestOf(trace);
    QVERIFY(one);
    QCOMPARE(one->prompt, spec.prompt);
    QCOMPARE(one->answer, spec.answer);
    QCOMPARE(one->costUsd, 0.003);
    QCOMPARE(one->start, spec.start);

    spec.user = "bob"; // another user, another scope
    Trace other = makeTrace(spec);
    other.input = trace.input;
    summarize(other);
    QVERIFY(tuningRequestOf(other)->scope != one->scope);

    Trace hit = cacheHitTrace(spec, "exact", 0.02); // served from a cache: it saved what it cost before
    hit.input = trace.input;
    hit.spans.back().attributes[std::string(attr::kCacheEntry)] = std::string("k1");
    summarize(hit);
    QCOMPARE(tuningRequestOf(hit)->costUsd, 0.02);
    QCOMPARE(tuningRequestOf(hit)->cacheKey, std::string("k1"));
    QVERIFY(one->cacheKey.empty());

    trace.input.push_back({Role::Assistant, "Paris.", {}, {}, {}}); // no question last
    QVERIFY(!tuningRequestOf(trace));
}

QTEST_GUILESS_MAIN(TestThresholdTuning)
#include "test_threshold_tuning.moc"
