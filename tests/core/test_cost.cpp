// Cost arithmetic and its explanation: every token priced once, in its most specific class.
#include "catalog/cost.h"
#include "catalog/span_cost.h"
#include "model/attributes.h"
#include "qtest_std_string.h"

#include <QtTest/QTest>

using ts::CostOptions;
using ts::ModelInfo;
using ts::TieredPrice;
using ts::Usage;

namespace {

ModelInfo openaiLike()
{
    ModelInfo m;
    m.id = "gpt-test";
    m.provider = "openai";
    m.prices.input = 2.50;
    m.prices.cachedInput = 1.25;
    m.prices.output = 10.0;
    m.prices.batchDiscount = 0.5;
    m.source = "https://openai.com/api/pricing";
    m.sourceDate = "2026-11-20";
    return m;
}

ModelInfo anthropicLike()
{
    ModelInfo m;
    m.id = "claude-test";
    m.provider = "anthropic";
    m.prices.input = 3.0;
    m.prices.cachedInput = 0.30;
    m.prices.cacheWrite5m = 3.75;
    m.prices.cacheWrite1h = 6.0;
    m.prices.output = 15.0;
    return m;
}

Usage usage(std::int64_t in, std::int64_t out)
{
    Usage u;
    u.inputTokens = in;
    u.outputTokens = out;
    u.reported = true;
    return u;
}

bool near(double a, double b) { return std::abs(a - b) < 1e-12; }

} // namespace

class TestCost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cachedInputIsNotCountedTwice()
    {
        // OpenAI: prompt_tokens 10,000 of which 8,000 cached.
        Usage u = usage(10'000, 500);
        u.cacheReadTokens = 8'000;
        const auto e = ts::explainCost(openaiLike(), u);
        QVERIFY(e.breakdown.known);
        QVERIFY(near(e.breakdown.input, 2'000 * 2.50e-6));
        QVERIFY(near(e.breakdown.cacheRead, 8'000 * 1.25e-6));
        QVERIFY(near(e.breakdown.output, 500 * 10e-6));
        QVERIFY(near(e.total(), 0.005 + 0.01 + 0.005));
        QCOMPARE(e.lines.size(), std::size_t{3});
        QCOMPARE(e.lines[0].tokens + e.lines[1].tokens, std::int64_t{10'000});
    }

    void anthropicWritesSplitByDuration()
    {
        // Anthropic reported input_tokens 1,000, cache_read 30,000, cache_creation 25,000 (5,000 of
        // them 1 h); in Tokenscope's convention input is the sum, 56,000.
        Usage u = usage(56'000, 500);
        u.cacheReadTokens = 30'000;
        u.cacheWriteTokens = 25'000;
        u.cacheWrite1hTokens = 5'000;
        const auto e = ts::explainCost(anthropicLike(), u);
        QVERIFY(near(e.breakdown.input, 1'000 * 3e-6));
        QVERIFY(near(e.breakdown.cacheRead, 30'000 * 0.3e-6));
        QVERIFY(near(e.breakdown.cacheWrite, 20'000 * 3.75e-6 + 5'000 * 6e-6));
        QVERIFY(near(e.breakdown.output, 500 * 15e-6));
        std::int64_t tokens = 0;
        for (const auto& l : e.lines)
            tokens += l.tokens;
        QCOMPARE(tokens, u.inputTokens + u.outputTokens);
    }

    void missingPricesFallBackAsBilledAndSaySo()
    {
        ModelInfo m = openaiLike();
        m.prices.cachedInput.reset();
        Usage u = usage(1'000, 100);
        u.cacheReadTokens = 400;
        u.cacheWriteTokens = 100;
        u.cacheWrite1hTokens = 100;
        const auto e = ts::explainCost(m, u);
        QVERIFY(near(e.breakdown.cacheRead, 400 * 2.5e-6));
        QVERIFY(near(e.breakdown.cacheWrite, 100 * 2.5e-6));
        QVERIFY(e.lines[1].note.find("priced as input") != std::string::npos);
        QVERIFY(e.lines[2].note.find("no 1-hour price") != std::string::npos);
    }

    void reasoningIsPartOfOutput()
    {
        Usage u = usage(100, 1'000);
        u.reasoningTokens = 700;
        auto e = ts::explainCost(openaiLike(), u);
        QVERIFY(near(e.breakdown.output, 300 * 10e-6));
        QVERIFY(near(e.breakdown.reasoning, 700 * 10e-6));
        QCOMPARE(e.lines.back().item, std::string("Reasoning"));
        QVERIFY(e.lines.back().note.find("billed as output") != std::string::npos);
        ModelInfo m = openaiLike();
        m.prices.reasoning = 20.0;
        e = ts::explainCost(m, u);
        QVERIFY(near(e.breakdown.reasoning, 700 * 20e-6));
        QVERIFY(e.lines.back().note.empty());
    }

    void longContextTierPricesTheWholeRequest()
    {
        ModelInfo m = openaiLike();
        TieredPrice in(1.25);
        in.tiers.push_back({200'000, 2.50});
        TieredPrice out(10.0);
        out.tiers.push_back({200'000, 15.0});
        m.prices.input = in;
        m.prices.output = out;
        m.prices.cachedInput.reset();
        QVERIFY(near(ts::costOf(m, usage(200'000, 1'000)).total(), 200'000 * 1.25e-6 + 1'000 * 10e-6));
        const auto e = ts::explainCost(m, usage(200'001, 1'000));
        QVERIFY(near(e.total(), 200'001 * 2.5e-6 + 1'000 * 15e-6));
        QVERIFY(e.lines[0].note.find("above 200000") != std::string::npos);
    }

    // costOf() is explainCost() without its lines and notes: the figures must be the same, bit for bit.
    void costOfAgreesWithTheExplanation()
    {
        const ModelInfo tiered = [] {
            ModelInfo m = anthropicLike();
            m.prices.input->tiers = {{200'000, 6}};
            m.prices.cacheWrite1h.reset();
            return m;
        }();
        for (const ModelInfo& m : {openaiLike(), anthropicLike(), tiered}) {
            for (bool batch : {false, true}) {
                Usage u = usage(250'000, 3'000);
                u.cacheReadTokens = 40'000;
                u.cacheWriteTokens = 9'000;
                u.cacheWrite1hTokens = 2'000;
                u.reasoningTokens = 1'200;
                for (const Usage& each : {u, usage(1'000, 20), usage(0, 0)}) {
                    const ts::CostBreakdown fast = ts::costOf(m, each, {.batch = batch});
                    const ts::CostBreakdown full = ts::explainCost(m, each, {.batch = batch}).breakdown;
                    QCOMPARE(fast.input, full.input);
                    QCOMPARE(fast.cacheRead, full.cacheRead);
                    QCOMPARE(fast.cacheWrite, full.cacheWrite);
                    QCOMPARE(fast.output, full.output);
                    QCOMPARE(fast.reasoning, full.reasoning);
                    QCOMPARE(fast.known, full.known);
                }
            }
        }
        ModelInfo unpriced = openaiLike();
        unpriced.prices.output.reset();
        QVERIFY(!ts::costOf(unpriced, usage(10, 10)).known);
    }

    void batchDiscountApplies()
    {
        const Usage u = usage(1'000'000, 1'000'000);
        QVERIFY(near(ts::costOf(openaiLike(), u, CostOptions{.batch = true}).total(), (2.5 + 10.0) / 2));
        const auto e = ts::explainCost(anthropicLike(), u, CostOptions{.batch = true});
        QVERIFY(near(e.total(), 3.0 + 15.0)); // no discount listed: full price, and a note says so
        QVERIFY(!e.notes.empty() && e.notes[0].find("no batch discount") != std::string::npos);
    }

    void unknownPriceIsNotZero()
    {
        ModelInfo m;
        m.id = "mystery";
        const auto e = ts::explainCost(m, usage(10, 10));
        QVERIFY(!e.breakdown.known);
        QVERIFY(ts::formatExplanation(e).find("cost unknown") != std::string::npos);
    }

    void estimatedUsageIsLabelled()
    {
        Usage u = usage(10, 10);
        u.reported = false;
        const auto e = ts::explainCost(openaiLike(), u);
        QVERIFY(ts::formatExplanation(e).find("estimate") != std::string::npos);
    }

    void reportedCostIsComparedBeyondRounding()
    {
        auto e = ts::explainCost(openaiLike(), usage(10'000, 1'000)); // $0.035
        e.reportedUsd = 0.035004;
        QVERIFY(!e.differs()); // rounding
        e.reportedUsd = 0.07;
        QVERIFY(e.differs());
        QVERIFY(ts::formatExplanation(e).find("DIFFERS") != std::string::npos);
    }

    void recordedSpansAreExplainedWithTheReportedCostBeside()
    {
        ts::Span span;
        auto& a = span.attributes;
        a.insert_or_assign(std::string(ts::attr::kRequestModel), std::string("gpt-test"));
        a.insert_or_assign(std::string(ts::attr::kInputTokens), std::int64_t{10'000});
        a.insert_or_assign(std::string(ts::attr::kOutputTokens), std::int64_t{1'000});
        a.insert_or_assign(std::string(ts::attr::kCacheReadTokens), std::int64_t{4'000});
        a.insert_or_assign(std::string(ts::attr::kUsageReported), true);
        a.insert_or_assign(std::string(ts::attr::kCostReportedUsd), 0.5);
        const ts::Catalog catalog({openaiLike()});
        const auto e = ts::explainSpanCost(span, catalog);
        QVERIFY(e.has_value());
        QVERIFY(near(e->total(), 6'000 * 2.5e-6 + 4'000 * 1.25e-6 + 1'000 * 10e-6));
        QVERIFY(e->differs());
        ts::Span noUsage;
        QVERIFY(!ts::explainSpanCost(noUsage, catalog));
        a.insert_or_assign(std::string(ts::attr::kRequestModel), std::string("unknown-model"));
        QVERIFY(!ts::explainSpanCost(span, catalog)->breakdown.known);
    }

    void recordedBatchCallsArePricedAtTheBatchDiscount()
    {
        ts::Span span;
        auto& a = span.attributes;
        a.insert_or_assign(std::string(ts::attr::kRequestModel), std::string("gpt-test"));
        a.insert_or_assign(std::string(ts::attr::kInputTokens), std::int64_t{1'000'000});
        a.insert_or_assign(std::string(ts::attr::kOutputTokens), std::int64_t{1'000'000});
        const ts::Catalog catalog({openaiLike()});
        QVERIFY(near(ts::explainSpanCost(span, catalog)->total(), 2.5 + 10.0));
        a.insert_or_assign(std::string(ts::attr::kBatch), true);
        QVERIFY(ts::costOptionsOf(span).batch);
        QVERIFY(near(ts::explainSpanCost(span, catalog)->total(), (2.5 + 10.0) / 2));
    }

    void explanationShowsTheFormula()
    {
        Usage u = usage(12'000, 900);
        u.cacheReadTokens = 8'000;
        const std::string text = ts::formatExplanation(ts::explainCost(openaiLike(), u));
        QVERIFY2(text.find("4,000 x $2.50/MTok") != std::string::npos, text.c_str());
        QVERIFY2(text.find("8,000 x $1.25/MTok") != std::string::npos, text.c_str());
        QVERIFY2(text.find("Total $0.029000") != std::string::npos, text.c_str());
        QVERIFY2(text.find("openai.com/api/pricing, 2026-11-20") != std::string::npos, text.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCost)
#include "test_cost.moc"
