// Drift statistics and the window comparison: PSI, Kolmogorov–Smirnov and the two-proportion z on cases
// with known answers, the prompt centroid's shift, and compareWindows() on generated traffic: longer
// prompts flag prompt tokens alone, a slower model flags latency alone, more errors flag the error rate,
// and samples of one distribution (several seeds, small and large windows) flag nothing.
#include "analytics/drift_report.h"
#include "analytics/drift_stats.h"
#include "analytics/prompt_centroid.h"
#include "analytics/segment_drift.h"
#include "qtest_std_string.h"

#include <QtTest/QTest>
#include <cmath>
#include <random>

using namespace ts;
using namespace ts::analytics;

namespace {

using Ids = std::vector<std::string>;

// One window of traffic: log-normal prompt and output tokens and latency, and yes/no rates.
struct Traffic
{
    double promptMedian = 400, promptSigma = 0.6;
    double outputMedian = 150, outputSigma = 0.5;
    double latencyMedian = 1200, latencySigma = 0.35;
    double errorRate = 0.02, refusalRate = 0.01, cacheHitRate = 0.15, guardRate = 0.03;
};

Aggregate window(const Traffic& t, int requests, unsigned seed)
{
    std::mt19937 rng(seed);
    std::lognormal_distribution<double> prompt(std::log(t.promptMedian), t.promptSigma);
    std::lognormal_distribution<double> output(std::log(t.outputMedian), t.outputSigma);
    std::lognormal_distribution<double> latency(std::log(t.latencyMedian), t.latencySigma);
    std::uniform_real_distribution<double> coin(0, 1);
    Aggregate a;
    for (int i = 0; i < requests; ++i) {
        a.input.add(std::max(1.0, std::round(prompt(rng))));
        a.output.add(std::max(1.0, std::round(output(rng))));
        a.latency.add(latency(rng));
        a.sums.requests += 1;
        a.sums.errors += coin(rng) < t.errorRate;
        a.sums.refusals += coin(rng) < t.refusalRate;
        a.sums.cacheHits += coin(rng) < t.cacheHitRate;
        a.sums.guardFlagged += coin(rng) < t.guardRate;
    }
    return a;
}

// One rollup row holding a whole window of traffic.
RollupRow rowOf(const Aggregate& a, const std::string& route, const std::string& tags)
{
    // (Built whole: assigning a literal to a key field trips GCC 12's -Wrestrict false positive at -O2.)
    RollupRow row{RollupKey{.hour = 0, .model = std::string("m"), .route = route, .tags = tags}, a.sums};
    row.m.latency = a.latency.sparse();
    row.m.inputHist = a.input.sparse();
    row.m.outputHist = a.output.sparse();
    return row;
}

// `n` values of which a share `low` sit at 1 and the rest at 100: two far-apart buckets.
LogHistogram twoValues(int n, double low)
{
    LogHistogram h;
    const auto atLow = static_cast<std::int64_t>(std::lround(n * low));
    h.add(1.0, atLow);
    h.add(100.0, n - atLow);
    return h;
}

LogHistogram logNormal(double median, double sigma, int n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::lognormal_distribution<double> d(std::log(median), sigma);
    LogHistogram h;
    for (int i = 0; i < n; ++i)
        h.add(d(rng));
    return h;
}

// Prompts about one topic, worded in many ways.
std::vector<std::string> prompts(const std::vector<std::string>& openings, const std::vector<std::string>& subjects,
                                 int n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i)
        out.push_back(openings[rng() % openings.size()] + " " + subjects[rng() % subjects.size()] + " " +
                      subjects[rng() % subjects.size()] + "?");
    return out;
}

std::vector<std::string> billingPrompts(int n, unsigned seed)
{
    return prompts({"Why was I charged twice for", "Can I get a refund on", "How do I cancel",
                    "Where is the invoice for", "Please explain the charge for"},
                   {"my subscription", "the annual plan", "my credit card", "last month's invoice", "the team seats",
                    "a billing address", "the VAT number", "my payment method"},
                   n, seed);
}

std::vector<std::string> codePrompts(int n, unsigned seed)
{
    return prompts({"How do I reverse", "Write a function to sort", "Why does the compiler reject",
                    "Explain the complexity of", "Fix the segfault in"},
                   {"a linked list", "a Python dict", "this Rust iterator", "the C++ template", "a binary tree",
                    "the SQL query", "a JavaScript promise", "the regex"},
                   n, seed);
}

} // namespace

class TestDrift : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void psiOfOneSampleIsZero();
    void psiOfShiftedLogNormal();
    void psiNoiseLimits();
    void psiOfRates();
    void kolmogorovSmirnovKnownCases_data();
    void kolmogorovSmirnovKnownCases();
    void proportionZTextbook();
    void centroidShiftAngles_data();
    void centroidShiftAngles();
    void longerPromptsFlagPromptTokens_data();
    void longerPromptsFlagPromptTokens();
    void slowerModelFlagsLatency();
    void widerPromptsChangeShape();
    void moreErrorsFlagErrorRate();
    void unshiftedFlagsNothing_data();
    void unshiftedFlagsNothing();
    void tooLittleTraffic();
    void compareMetricAlone();
    void segmentDriftHiddenInTheWhole();
    void promptTopicsMove();
    void promptTopicsSteady_data();
    void promptTopicsSteady();
};

void TestDrift::psiOfOneSampleIsZero()
{
    const LogHistogram h = logNormal(400, 0.6, 3000, 1);
    QCOMPARE(psi(h, h), 0.0);
    LogHistogram doubled = h;
    doubled.merge(h); // same shares, twice the counts
    QVERIFY(std::abs(psi(h, doubled)) < 1e-3);
    QCOMPARE(psi(h, LogHistogram()), 0.0); // nothing to compare
    const double independent = psi(h, logNormal(400, 0.6, 3000, 2));
    QVERIFY2(independent < 0.02, std::to_string(independent).c_str());
}

void TestDrift::psiOfShiftedLogNormal()
{
    const LogHistogram base = logNormal(400, 0.6, 3000, 1);
    const double large = psi(base, logNormal(720, 0.6, 3000, 2)); // 1.8x: about one sigma in log space
    QVERIFY2(large > 0.5, std::to_string(large).c_str());
    const double slight = psi(base, logNormal(440, 0.6, 3000, 3)); // 1.1x: a sixth of a sigma
    QVERIFY2(slight > 0.005 && slight < 0.1, std::to_string(slight).c_str());
    QVERIFY(psi(base, logNormal(400, 1.5, 3000, 4)) > 0.25); // the same median, spread wider
}

void TestDrift::psiNoiseLimits()
{
    // chi-square(9) leaves 0.001 above 27.88; n m / (n + m) is 500 for two windows of 1,000.
    QVERIFY(std::abs(psiNoiseLimit(10, 1000, 1000) - 27.88 / 500) < 0.001);
    QVERIFY(std::abs(psiNoiseLimit(2, 1000, 1000) - 10.83 / 500) < 0.001); // one degree of freedom
    QVERIFY(psiNoiseLimit(10, 2100, 35) > 0.75);                            // a quiet hour: chance reaches far
    QCOMPARE(psiNoiseLimit(10, 0, 35), 0.0);
    const LogHistogram wide = logNormal(400, 0.6, 3000, 1);
    QCOMPARE(psiBinCount(wide, wide), 11); // deciles, and one for values below the smallest
    LogHistogram narrow;
    narrow.add(100, 500); // one bucket: a bin below it, one for it, one above
    QCOMPARE(psiBinCount(narrow, logNormal(400, 0.6, 300, 2)), 3);
}

void TestDrift::psiOfRates()
{
    QCOMPARE(psiOfRate(0.1, 0.1), 0.0);
    // (0.2 - 0.1) ln 2 + (0.8 - 0.9) ln(8/9)
    QVERIFY(std::abs(psiOfRate(0.1, 0.2) - (0.1 * std::log(2.0) - 0.1 * std::log(8.0 / 9.0))) < 1e-12);
    QVERIFY(psiOfRate(0.0, 0.05) > 0.2); // from none at all: the floor keeps it finite
    QVERIFY(std::isfinite(psiOfRate(0.0, 1.0)));
}

void TestDrift::kolmogorovSmirnovKnownCases_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("lowA");
    QTest::addColumn<int>("m");
    QTest::addColumn<double>("lowB");
    QTest::addColumn<double>("d");
    QTest::addColumn<double>("pMin");
    QTest::addColumn<double>("pMax");
    QTest::newRow("identical") << 100 << 0.5 << 100 << 0.5 << 0.0 << 1.0 << 1.0;
    QTest::newRow("disjoint") << 50 << 1.0 << 50 << 0.0 << 1.0 << 0.0 << 1e-9;
    // The 5% critical value for n = m = 100 is 1.358 sqrt(2/100) = 0.192: D = 0.2 is just past it,
    // D = 0.15 is not. The p-values are Q_KS((sqrt(Ne) + 0.12 + 0.11/sqrt(Ne)) D) (Numerical Recipes).
    QTest::newRow("D 0.2, 100 vs 100") << 100 << 0.5 << 100 << 0.7 << 0.2 << 0.0304 << 0.0324;
    QTest::newRow("D 0.15, 100 vs 100") << 100 << 0.5 << 100 << 0.65 << 0.15 << 0.18 << 0.21;
    QTest::newRow("D 0.3, 200 vs 50") << 200 << 0.5 << 50 << 0.8 << 0.3 << 0.00104 << 0.00114;
}

void TestDrift::kolmogorovSmirnovKnownCases()
{
    QFETCH(int, n);
    QFETCH(double, lowA);
    QFETCH(int, m);
    QFETCH(double, lowB);
    QFETCH(double, d);
    QFETCH(double, pMin);
    QFETCH(double, pMax);
    const KsResult ks = kolmogorovSmirnov(twoValues(n, lowA), twoValues(m, lowB));
    QVERIFY2(std::abs(ks.d - d) < 1e-9, std::to_string(ks.d).c_str());
    QVERIFY2(ks.pValue >= pMin && ks.pValue <= pMax, std::to_string(ks.pValue).c_str());
    const KsResult swapped = kolmogorovSmirnov(twoValues(m, lowB), twoValues(n, lowA));
    QVERIFY(std::abs(swapped.d - ks.d) < 1e-12);
    QVERIFY(std::abs(swapped.pValue - ks.pValue) < 1e-12);
}

void TestDrift::proportionZTextbook()
{
    // 45 of 100 against 56 of 100: pooled 0.505, standard error sqrt(0.505 * 0.495 * 0.02) = 0.0707.
    QVERIFY(std::abs(proportionZ(45, 100, 56, 100) - 1.5557) < 1e-3);
    QVERIFY(std::abs(proportionZ(56, 100, 45, 100) + 1.5557) < 1e-3); // signed: current minus baseline
    QCOMPARE(proportionZ(0, 100, 0, 100), 0.0);                      // no spread at all
    QCOMPARE(proportionZ(5, 0, 5, 100), 0.0);                        // an empty window
    // Many requests make a small move significant: 2% -> 3% over 10,000 each is z of about 4.5.
    QVERIFY(std::abs(proportionZ(200, 10000, 300, 10000) - 4.5) < 0.1);
}

void TestDrift::centroidShiftAngles_data()
{
    QTest::addColumn<std::vector<double>>("a");
    QTest::addColumn<std::vector<double>>("b");
    QTest::addColumn<double>("shift");
    const std::vector<double> x{1, 0, 0};
    QTest::newRow("same") << x << x << 0.0;
    QTest::newRow("scaled") << x << std::vector<double>{0.25, 0, 0} << 0.0;
    QTest::newRow("orthogonal") << x << std::vector<double>{0, 2, 0} << 1.0;
    QTest::newRow("opposite") << x << std::vector<double>{-1, 0, 0} << 2.0;
    QTest::newRow("60 degrees") << x << std::vector<double>{0.5, std::sqrt(3.0) / 2, 0} << 0.5;
    QTest::newRow("zeros") << x << std::vector<double>{0, 0, 0} << 0.0;
    QTest::newRow("empty") << std::vector<double>{} << x << 0.0;
}

void TestDrift::centroidShiftAngles()
{
    QFETCH(std::vector<double>, a);
    QFETCH(std::vector<double>, b);
    QFETCH(double, shift);
    QVERIFY2(std::abs(centroidShift(a, b) - shift) < 1e-12, std::to_string(centroidShift(a, b)).c_str());
}

void TestDrift::longerPromptsFlagPromptTokens_data()
{
    QTest::addColumn<unsigned>("seed");
    for (unsigned seed = 1; seed <= 5; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestDrift::longerPromptsFlagPromptTokens()
{
    QFETCH(unsigned, seed);
    Traffic longer;
    longer.promptMedian *= 1.8;
    const DriftReport r = compareWindows(window({}, 7 * 300, seed), window(longer, 300, seed + 100));
    QCOMPARE(r.driftedIds(), Ids{"prompt_tokens"});
    const DriftMetric* prompt = r.metric("prompt_tokens");
    QVERIFY(prompt && prompt->judged);
    QVERIFY2(std::abs(prompt->current / prompt->baseline - 1.8) < 0.2, std::to_string(prompt->current).c_str());
    QVERIFY(prompt->psi >= kPsiAlarm);
    QVERIFY(prompt->ksP < kKsAlpha);
    QVERIFY2(r.summary.rfind("Prompt tokens grew: median ", 0) == 0, r.summary.c_str());
    QVERIFY2(r.summary.find(" tokens → ") != std::string::npos, r.summary.c_str());
    QCOMPARE(r.baselineRequests, std::int64_t{2100});
    QCOMPARE(r.currentRequests, std::int64_t{300});
    QCOMPARE(r.metrics.size(), std::size_t{7}); // no centroid without a sample
}

void TestDrift::slowerModelFlagsLatency()
{
    for (unsigned seed = 1; seed <= 5; ++seed) {
        Traffic slow;
        slow.latencyMedian *= 2;
        const DriftReport r = compareWindows(window({}, 2100, seed), window(slow, 300, seed + 100));
        QCOMPARE(r.driftedIds(), Ids{"latency"});
        QVERIFY2(r.summary.rfind("Latency grew: median 1.", 0) == 0, r.summary.c_str()); // "1.20 s → 2.40 s"
        QVERIFY(r.summary.find(" s (+") != std::string::npos);
    }
}

void TestDrift::widerPromptsChangeShape()
{
    // Every prompt of 400 tokens, then a third each of 100, 400 and 1,600: the same median, spread wide.
    Aggregate base, wider;
    for (Aggregate* a : {&base, &wider}) {
        a->sums.requests = 300;
        a->output.add(150, 300);
        a->latency.add(1200, 300);
    }
    base.input.add(400, 300);
    for (const double tokens : {100, 400, 1600})
        wider.input.add(tokens, 100);
    const DriftReport r = compareWindows(base, wider);
    QCOMPARE(r.driftedIds(), Ids{"prompt_tokens"});
    QCOMPARE(r.metric("prompt_tokens")->current, r.metric("prompt_tokens")->baseline);
    // Thousands are grouped (2,000 tokens read back from their bucket as 1,936).
    Aggregate big = base;
    big.input = LogHistogram();
    big.input.add(2000, 300);
    const DriftReport shrank = compareWindows(big, wider);
    QVERIFY2(shrank.summary.find("median 1,936 tokens → 407 tokens (-79%)") != std::string::npos,
             shrank.summary.c_str());
    QVERIFY(shrank.metric("prompt_tokens")->psi > 1); // all of it below the baseline's one bucket
    QVERIFY2(r.summary.rfind("Prompt tokens changed shape: median ", 0) == 0, r.summary.c_str());
}

void TestDrift::moreErrorsFlagErrorRate()
{
    Traffic failing;
    failing.errorRate = 0.08;
    const DriftReport r = compareWindows(window({}, 2100, 7), window(failing, 300, 8));
    QCOMPARE(r.driftedIds(), Ids{"error_rate"});
    const DriftMetric* errors = r.metric("error_rate");
    QVERIFY(errors->z > kRateMinZ);
    QVERIFY2(r.summary.rfind("Error rate rose: 2.", 0) == 0, r.summary.c_str());
}

void TestDrift::unshiftedFlagsNothing_data()
{
    QTest::addColumn<int>("baseline");
    QTest::addColumn<int>("current");
    QTest::addColumn<unsigned>("seed");
    // A week against a day, a week against a quiet day or one busy hour, two equal windows, large windows.
    for (const auto& [n, m] : {std::pair{2100, 300}, {2100, 60}, {2100, 35}, {400, 400}, {20000, 5000}})
        for (unsigned seed = 1; seed <= 8; ++seed)
            QTest::addRow("%d vs %d, seed %u", n, m, seed) << n << m << seed;
}

void TestDrift::unshiftedFlagsNothing()
{
    QFETCH(int, baseline);
    QFETCH(int, current);
    QFETCH(unsigned, seed);
    const DriftReport r = compareWindows(window({}, baseline, seed), window({}, current, seed * 7919));
    QVERIFY2(r.driftedIds().empty(), r.summary.c_str());
    QVERIFY(r.metric("prompt_tokens")->psiAlarm >= kPsiAlarm);
    if (current < 100) // small windows raise the bar above the rule of thumb
        QVERIFY(r.metric("prompt_tokens")->psiAlarm > kPsiAlarm);
    QCOMPARE(r.summary, std::string("Nothing drifted: all 7 metrics within thresholds."));
}

void TestDrift::tooLittleTraffic()
{
    Traffic longer;
    longer.promptMedian *= 3;
    const DriftReport r = compareWindows(window({}, 2100, 1), window(longer, 20, 2));
    QVERIFY(r.driftedIds().empty()); // even a large move is not judged on 20 requests
    QCOMPARE(r.summary, std::string("Too little traffic to judge drift: 2100 requests in the baseline, 20 now (at "
                                    "least 30 each)."));
    for (const DriftMetric& m : r.metrics) {
        QVERIFY(!m.judged);
        QCOMPARE(m.sentence, m.name + ": too little traffic to judge");
    }
}

void TestDrift::compareMetricAlone()
{
    Traffic slow;
    slow.latencyMedian *= 2;
    const Aggregate base = window({}, 2100, 3), cur = window(slow, 200, 4);
    const DriftMetric latency = compareMetric("latency", base, cur);
    QCOMPARE(latency.id, std::string("latency"));
    QVERIFY(latency.drifted);
    QVERIFY(!compareMetric("output_tokens", base, cur).drifted);
    QCOMPARE(compareMetric("no_such_metric", base, cur).id, std::string());
    // The levels the report gives, for one aggregate: a median, a share.
    QCOMPARE(metricLevel("latency", cur), latency.current);
    QCOMPARE(metricLevel("prompt_tokens", base), base.input.quantile(0.5));
    QCOMPARE(metricLevel("error_rate", base), base.errorRate());
    QCOMPARE(metricHistogram("output_tokens", base), &base.output);
    QCOMPARE(metricHistogram("error_rate", base), nullptr);
    QCOMPARE(driftMetricIds().size(), std::size_t{8});
    QCOMPARE(driftMetricIds().back(), std::string("prompt_centroid"));
}

void TestDrift::segmentDriftHiddenInTheWhole()
{
    // A small route's prompts grow 1.8x; the big route stays as it was.
    Traffic longer;
    longer.promptMedian *= 1.8;
    SegmentWindows split({Dimension::Route, Dimension::Model});
    split.add(rowOf(window({}, 2100, 1), "chat", "support"), false);
    split.add(rowOf(window({}, 300, 2), "chat", "support"), true);
    split.add(rowOf(window({}, 210, 3), "rag", "support,kb:docs"), false);
    split.add(rowOf(window(longer, 120, 4), "rag", "support,kb:docs"), true);
    const std::vector<SegmentDrift> drifted = split.drifted();
    QCOMPARE(drifted.size(), std::size_t{1}); // the model holds all traffic: the whole says it
    QCOMPARE(drifted[0].dimension, Dimension::Route);
    QCOMPARE(drifted[0].value, std::string("rag"));
    QCOMPARE(drifted[0].report.driftedIds(), Ids{"prompt_tokens"});
    QVERIFY(drifted[0].strength >= kPsiAlarm);
    // By tag: "kb:docs" is the rag route; "support" is everything.
    SegmentWindows byTag({Dimension::Tag});
    byTag.add(rowOf(window({}, 2100, 1), "chat", "support"), false);
    byTag.add(rowOf(window({}, 300, 2), "chat", "support"), true);
    byTag.add(rowOf(window({}, 210, 3), "rag", "support,kb:docs"), false);
    byTag.add(rowOf(window(longer, 120, 4), "rag", "support,kb:docs"), true);
    const auto tags = byTag.drifted();
    QCOMPARE(tags.size(), std::size_t{1});
    QCOMPARE(tags[0].value, std::string("kb:docs"));
    // Too few requests in a group: not judged at all.
    QVERIFY(byTag.drifted(200).empty());
    QCOMPARE(byTag.drifted(120).size(), std::size_t{1});
}

void TestDrift::promptTopicsMove()
{
    std::vector<std::string> now = codePrompts(150, 2);
    const auto billing = billingPrompts(150, 3);
    now.insert(now.end(), billing.begin(), billing.end()); // half the prompts are about something else
    const CentroidSample s = promptCentroids(billingPrompts(2000, 1), now);
    QCOMPARE(s.baselineCount, std::size_t{2000});
    QCOMPARE(s.currentCount, std::size_t{300});
    QCOMPARE(s.halfACount + s.halfBCount, std::size_t{2000});
    const Aggregate base = window({}, 2100, 1), cur = window({}, 300, 2);
    const DriftReport r = compareWindows(base, cur, s);
    QCOMPARE(r.driftedIds(), Ids{"prompt_centroid"});
    const DriftMetric* topics = r.metric("prompt_centroid");
    QVERIFY(topics->shift > 3 * topics->noiseFloor);
    QVERIFY2(r.summary.rfind("Prompt topics moved: centroid shift 0.", 0) == 0, r.summary.c_str());
    // Texts without words count for nothing.
    QCOMPARE(promptCentroids({"", "  ", "hello there"}, {}).baselineCount, std::size_t{1});
}

void TestDrift::promptTopicsSteady_data()
{
    QTest::addColumn<int>("current");
    QTest::addColumn<unsigned>("seed");
    for (const int m : {40, 300, 2000})
        for (unsigned seed = 1; seed <= 4; ++seed)
            QTest::addRow("2000 vs %d, seed %u", m, seed) << m << seed;
}

void TestDrift::promptTopicsSteady()
{
    QFETCH(int, current);
    QFETCH(unsigned, seed);
    const CentroidSample s = promptCentroids(billingPrompts(2000, seed), billingPrompts(current, seed + 50));
    const DriftReport r = compareWindows(window({}, 2100, seed), window({}, std::max(current, 300), seed + 9), s);
    const DriftMetric* topics = r.metric("prompt_centroid");
    QVERIFY(topics && topics->judged);
    QVERIFY2(!topics->drifted, topics->sentence.c_str());
}

QTEST_MAIN(TestDrift)
#include "test_drift.moc"
