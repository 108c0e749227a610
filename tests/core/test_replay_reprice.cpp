// Re-pricing recorded traffic (issue #10): a small workspace whose costs are worked out by hand
// from the catalog's prices (written out below and checked against the catalog first), priced as
// recorded and under three alternatives (another model, the batch API, prompt caching of the
// stable prefix), plus a model move limited to some models, a filter, and the config's errors.
#include "catalog/catalog.h"
#include "model/attributes.h"
#include "qtest_std_string.h"
#include "replay/recorded_calls.h"
#include "replay/repricer.h"
#include "trace_fixtures.h"

#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace ts;
using namespace ts::replay;

namespace {

constexpr Nanos kSecond = 1'000'000'000;
constexpr Nanos kJan1 = 1'767'225'600'000'000'000; // 2026-01-01T00:00Z

// USD per million tokens, as the shipped catalog lists them (checked in initTestCase).
constexpr double kGpt4oIn = 2.5, kGpt4oOut = 10;
constexpr double kMiniIn = 0.15, kMiniOut = 0.6;
constexpr double kSonnetIn = 3, kSonnetCached = 0.3, kSonnetWrite = 3.75, kSonnetOut = 15;
constexpr double kGpt41MiniIn = 0.4, kGpt41MiniOut = 1.6;

Span extraCall(const Trace& t, Nanos at, std::int64_t in, std::int64_t out)
{
    Span s = t.spans[1];
    s.spanId = newSpanId();
    s.start = at;
    s.end = at + kSecond;
    s.attributes[std::string(attr::kInputTokens)] = in;
    s.attributes[std::string(attr::kOutputTokens)] = out;
    s.attributes.erase(std::string(attr::kCostUsd));
    return s;
}

Trace trace(const char* id, const char* model, const char* provider, std::int64_t in, std::int64_t out, double cost)
{
    test::TraceSpec spec;
    spec.traceId = id;
    spec.start = kJan1;
    spec.durationMs = 600'000;
    spec.model = model;
    spec.provider = provider;
    spec.inputTokens = in;
    spec.outputTokens = out;
    spec.costUsd = cost;
    return test::makeTrace(spec);
}

bool hasNote(const AlternativeCost& a, const std::string& words)
{
    return std::any_of(a.notes.begin(), a.notes.end(),
                       [&](const std::string& n) { return n.find(words) != std::string::npos; });
}

double usd(double tokensTimesPrice) { return tokensTimesPrice / 1e6; }

} // namespace

class TestReplayReprice : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    std::unique_ptr<TraceStore> store_;
    const Catalog* catalog_ = &Catalog::builtin();

    CallSet calls(const std::string& filterText = {})
    {
        const FilterParse f = parseFilter(filterText);
        auto reader = store_->reader();
        std::optional<CallSet> set = readCalls(*reader, f.filter);
        if (!set)
            throw std::runtime_error("cancelled");
        return *set;
    }

    static const AlternativeCost& named(const RepriceReport& r, const std::string& name)
    {
        for (const AlternativeCost& a : r.alternatives)
            if (a.name == name)
                return a;
        throw std::runtime_error("no alternative " + name);
    }

  private Q_SLOTS:
    void initTestCase()
    {
        auto check = [&](const char* id, double in, double out) {
            const ModelInfo* m = catalog_->find(id);
            QVERIFY2(m, id);
            QCOMPARE(m->prices.input->basePerMTok, in);
            QCOMPARE(m->prices.output->basePerMTok, out);
            QCOMPARE(m->prices.batchDiscount, 0.5);
        };
        check("gpt-4o", kGpt4oIn, kGpt4oOut);
        check("gpt-4o-mini", kMiniIn, kMiniOut);
        check("claude-sonnet-4-5", kSonnetIn, kSonnetOut);
        check("gpt-4.1-mini", kGpt41MiniIn, kGpt41MiniOut);
        const ModelInfo* sonnet = catalog_->find("claude-sonnet-4-5");
        QCOMPARE(sonnet->prices.cachedInput->basePerMTok, kSonnetCached);
        QCOMPARE(sonnet->prices.cacheWrite5m->basePerMTok, kSonnetWrite);

        QVERIFY(dir_.isValid());
        store_ = TraceStore::open((dir_.path() + "/replay.tokenscope").toStdString(),
                                  TraceStore::OpenMode::CreateIfMissing);
        // a: one gpt-4o call.
        store_->write(trace("a", "gpt-4o", "openai", 1000, 200, 0.0045));
        // b: an agent loop on Sonnet: each call resends the last one's prompt; the fourth comes
        // after the cache's five minutes.
        Trace b = trace("b", "claude-sonnet-4-5", "anthropic", 2000, 100, 0.0075);
        b.spans.push_back(extraCall(b, kJan1 + 10 * kSecond, 2600, 100));
        b.spans.push_back(extraCall(b, kJan1 + 20 * kSecond, 3200, 100));
        b.spans.push_back(extraCall(b, kJan1 + 420 * kSecond, 3800, 100));
        store_->write(std::move(b));
        // c: two gpt-4o-mini calls whose shared prefix is below the 1,024 tokens caching needs.
        Trace c = trace("c", "gpt-4o-mini", "openai", 500, 50, 0.000105);
        c.spans.push_back(extraCall(c, kJan1 + 5 * kSecond, 900, 50));
        store_->write(std::move(c));
        // d: a model the catalog does not price.
        store_->write(trace("d", "in-house-llm", "local", 100, 10, 0));
        QVERIFY(store_->flush());
    }

    void readsEveryCallInStartOrder()
    {
        const CallSet set = calls();
        QCOMPARE(set.traces, std::int64_t(4));
        QCOMPARE(set.calls.size(), std::size_t(8));
        QCOMPARE(set.unreadable, std::int64_t(0));
        std::vector<std::int64_t> inputs;
        for (const RecordedCall& c : set.calls)
            inputs.push_back(c.usage.inputTokens);
        QCOMPARE(inputs, (std::vector<std::int64_t>{1000, 2000, 2600, 3200, 3800, 500, 900, 100}));
        QCOMPARE(set.models.size(), std::size_t(4));
        QCOMPARE(set.models[set.calls[1].model].model, std::string("claude-sonnet-4-5"));
        QCOMPARE(set.models[set.calls[1].model].provider, std::string("anthropic"));
    }

    void pricesAsRecordedAndUnderThreeAlternatives()
    {
        const std::vector<Alternative> alternatives{
            {"all on gpt-4.1-mini", std::string("gpt-4.1-mini"), {}, false, {}},
            {"batch API", {}, {}, true, {}},
            {"prompt caching", {}, {}, false, PromptCaching{}},
        };
        const std::optional<RepriceReport> r = reprice(calls(), alternatives, *catalog_);
        QVERIFY(r);
        QCOMPARE(r->calls, std::int64_t(8));
        QCOMPARE(r->recordedCalls, std::int64_t(4)); // the first call of each trace recorded its cost
        QVERIFY(qFuzzyCompare(r->recordedUsd, 0.0045 + 0.0075 + 0.000105 + 0));

        const double a = 1000 * kGpt4oIn + 200 * kGpt4oOut;
        const double b = (2000 + 2600 + 3200 + 3800) * kSonnetIn + 400 * kSonnetOut;
        const double c = (500 + 900) * kMiniIn + 100 * kMiniOut;
        QCOMPARE(r->asRecorded.unpricedCalls, std::int64_t(1));
        QVERIFY(qFuzzyCompare(r->asRecorded.usd, usd(a + b + c)));
        QCOMPARE(r->asRecorded.byModel.front().model, std::string("claude-sonnet-4-5"));

        // Every call, the unpriced one too, at gpt-4.1-mini's prices with its recorded counts.
        const AlternativeCost& moved = named(*r, "all on gpt-4.1-mini");
        QCOMPARE(moved.movedCalls, std::int64_t(8));
        QCOMPARE(moved.unpricedCalls, std::int64_t(0));
        const double inputs = 1000 + 11600 + 1400 + 100, outputs = 200 + 400 + 100 + 10;
        QVERIFY(qFuzzyCompare(moved.usd, usd(inputs * kGpt41MiniIn + outputs * kGpt41MiniOut)));

        // Half price where the model lists a batch discount; the unpriced call stays unpriced.
        const AlternativeCost& batch = named(*r, "batch API");
        QCOMPARE(batch.batchCalls, std::int64_t(7));
        QVERIFY(qFuzzyCompare(batch.usd, usd(a + b + c) * 0.5));

        // Sonnet's calls 2 and 3 read the previous prompt (2,000 then 2,600 tokens) at the cached
        // price; calls 1 and 2 pay to write what is read later (2,000, then 2,600 - 2,000); call 4
        // comes 400 s after call 3, past the 300 s lifetime. c's prefix (500) is below 1,024.
        const AlternativeCost& cached = named(*r, "prompt caching");
        const double b1 = 2000 * kSonnetWrite + 100 * kSonnetOut;
        const double b2 = 2000 * kSonnetCached + 600 * kSonnetWrite + 100 * kSonnetOut;
        const double b3 = 2600 * kSonnetCached + 600 * kSonnetIn + 100 * kSonnetOut;
        const double b4 = 3800 * kSonnetIn + 100 * kSonnetOut;
        QCOMPARE(cached.cacheReadTokens, std::int64_t(4600));
        QCOMPARE(cached.cacheWriteTokens, std::int64_t(2600));
        QVERIFY(qFuzzyCompare(cached.usd, usd(a + b1 + b2 + b3 + b4 + c)));
        QVERIFY(cached.usd < r->asRecorded.usd);
    }

    void movesOnlyTheNamedModels()
    {
        const std::optional<RepriceReport> r =
            reprice(calls(), {{"gpt-4o to mini", std::string("gpt-4o-mini"), {"gpt-4o"}, false, {}}}, *catalog_);
        QVERIFY(r);
        const AlternativeCost& alt = r->alternatives.front();
        QCOMPARE(alt.movedCalls, std::int64_t(1));
        QVERIFY(hasNote(alt, "its tokenizer may count a few percent differently"));
        QVERIFY(hasNote(alt, "1 call(s) of models without a catalog price are left out of the total"));
        const double b = (2000 + 2600 + 3200 + 3800) * kSonnetIn + 400 * kSonnetOut;
        const double c = (500 + 900) * kMiniIn + 100 * kMiniOut;
        QVERIFY(qFuzzyCompare(alt.usd, usd(1000 * kMiniIn + 200 * kMiniOut + b + c)));
    }

    void saysWhenAFromModelMatchesNothing()
    {
        const std::optional<RepriceReport> r =
            reprice(calls(), {{"typo", std::string("gpt-4o-mini"), {"gpt-4-o"}, false, {}}}, *catalog_);
        QVERIFY(r);
        QCOMPARE(r->alternatives.front().movedCalls, std::int64_t(0));
        QVERIFY(hasNote(r->alternatives.front(), "no selected call was made with gpt-4-o"));
    }

    void filterSelectsTraces()
    {
        const CallSet set = calls("model:gpt-4o-mini");
        QCOMPARE(set.traces, std::int64_t(1));
        QCOMPARE(set.calls.size(), std::size_t(2));
    }

    void unknownTargetModelIsRefused()
    {
        try {
            reprice(calls(), {{"typo", std::string("gpt-40-mini"), {}, false, {}}}, *catalog_);
            QFAIL("no error");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("no model 'gpt-40-mini'") != std::string::npos, e.what());
        }
    }

    void cancelledReadReturnsNothing()
    {
        CancelToken cancel;
        cancel.cancel();
        auto reader = store_->reader();
        QVERIFY(!readCalls(*reader, {}, &cancel));
    }

    void readsCallFields()
    {
        CallFields f;
        bool malformed = false;
        QVERIFY(readCallFields(R"({"gen_ai.request.model":"m","gen_ai.usage.input_tokens":12,)"
                               R"("gen_ai.usage.output_tokens":3.0,"tokenscope.batch":true,"x":[1,{"y":2}]})",
                               f, malformed));
        QCOMPARE(f.usage.inputTokens, std::int64_t(12));
        QCOMPARE(f.usage.outputTokens, std::int64_t(3));
        QVERIFY(f.batch);
        QVERIFY(!readCallFields(R"({"gen_ai.request.model":"m"})", f, malformed));
        QVERIFY(!malformed);
        QVERIFY(!readCallFields(R"({"gen_ai.usage.input_tokens":)", f, malformed));
        QVERIFY(malformed);
    }

    void configErrorsNameTheEntry_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << "{" << "not valid JSON";
        QTest::newRow("no list") << "{}" << "no \"reprice\" list";
        QTest::newRow("empty") << R"({"reprice":[]})" << "non-empty list";
        QTest::newRow("no name") << R"({"reprice":[{"model":"gpt-4o"}]})" << "reprice[0]: \"name\" is missing";
        QTest::newRow("unknown field") << R"({"reprice":[{"name":"x","modle":"gpt-4o"}]})" << "unknown field \"modle\"";
        QTest::newRow("from alone") << R"({"reprice":[{"name":"x","from":["gpt-4o"]}]})" << "needs a \"model\"";
        QTest::newRow("ttl 0") << R"({"reprice":[{"name":"x","prompt_caching":{"ttl_s":0}}]})" << "must be above 0";
        QTest::newRow("twice") << R"({"reprice":[{"name":"x","batch":true},{"name":"x","batch":true}]})"
                               << "reprice[1]: another alternative is already named \"x\"";
    }

    void configErrorsNameTheEntry()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        try {
            parseRepriceConfig(json.toStdString());
            QFAIL("no error");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find(expected.toStdString()) != std::string::npos, e.what());
        }
    }

    void configReadsEveryPart()
    {
        const RepriceConfig config = parseRepriceConfig(
            R"({"reprice":[{"name":"a","model":"gpt-4o-mini","from":["gpt-4o"],"batch":true,)"
            R"("prompt_caching":{"ttl_s":3600,"min_tokens":2048}},{"name":"b","prompt_caching":true}]})");
        QCOMPARE(config.alternatives.size(), std::size_t(2));
        const Alternative& a = config.alternatives[0];
        QCOMPARE(*a.model, std::string("gpt-4o-mini"));
        QCOMPARE(a.from, std::vector<std::string>{"gpt-4o"});
        QVERIFY(a.batch);
        QCOMPARE(a.promptCaching->ttlSeconds, std::int64_t(3600));
        QCOMPARE(a.promptCaching->minTokens, std::int64_t(2048));
        QCOMPARE(*config.alternatives[1].promptCaching, PromptCaching{});
        const RepriceConfig again = parseRepriceConfig(repriceConfigToJson(config));
        QVERIFY(again.alternatives == config.alternatives);
    }
};

QTEST_GUILESS_MAIN(TestReplayReprice)
#include "test_replay_reprice.moc"
