#include "gateway/pipeline.h"
#include "gateway/table_router.h"
#include "model/attributes.h"
#include "providers/simulated.h"

#include <QtTest>

#include <deque>

using namespace ts;

namespace {

// A provider that plays back scripted results, to pin down retry and fallback behaviour.
class ScriptedProvider final : public Provider
{
public:
    std::string name = "scripted";
    std::deque<CallResult> script;
    int calls = 0;
    std::string id() const override { return name; }
    std::string otelName() const override { return name; }
    std::vector<ModelListing> models() const override { return {{"m", ""}}; }
    CallResult call(const ChatRequest& r, const CallContext& ctx) override
    {
        ++calls;
        CallResult res = script.empty() ? ok("fine") : script.front();
        if (!script.empty())
            script.pop_front();
        res.startedAt = ctx.clock->now();
        res.response.model = r.model;
        if (!res.response.text.empty()) {
            res.firstChunkAt = res.startedAt + 100 * kNsPerMs;
            ctx.clock->sleepUntil(*res.firstChunkAt, ctx.cancel);
            if (ctx.onText)
                ctx.onText(res.response.text, *res.firstChunkAt);
        }
        res.finishedAt = ctx.clock->now();
        return res;
    }
    static CallResult ok(const std::string& text)
    {
        CallResult r;
        r.response.text = text;
        r.response.finishReason = "stop";
        r.response.usage = {.inputTokens = 1000, .outputTokens = 100, .cacheReadTokens = 400, .reported = true};
        return r;
    }
    static CallResult http(int status, std::optional<std::int64_t> retryAfterMs = std::nullopt)
    {
        CallResult r;
        r.error = {ProviderError::Kind::Http, status, retryAfterMs, status == 429 ? "rate_limit_exceeded" : "server_error",
                   {}, "HTTP " + std::to_string(status)};
        return r;
    }
};

struct Fixture
{
    std::shared_ptr<ScriptedProvider> provider = std::make_shared<ScriptedProvider>();
    std::vector<Trace> traces;
    std::unique_ptr<Pipeline> pipeline;
    VirtualClock clock{1'700'000'000 * kNsPerSec};
    Fixture()
    {
        auto registry = std::make_shared<ProviderRegistry>();
        registry->add(provider);
        pipeline = std::make_unique<Pipeline>(registry, [this](Trace t) { traces.push_back(std::move(t)); });
    }
    PipelineResult run(const std::string& model = "gpt-4o-mini")
    {
        ChatRequest r;
        r.provider = "scripted";
        r.model = model;
        r.messages = {{Role::User, "hi"}};
        r.meta = {.user = "ada", .session = "s1", .tags = {"a", "b"}, .source = "test"};
        RunOptions o;
        o.clock = &clock;
        return pipeline->run(r, o);
    }
    std::vector<std::string> stages() const
    {
        std::vector<std::string> out;
        for (const auto& s : traces.back().spans)
            out.push_back(s.attrString(attr::kStage));
        return out;
    }
};

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyStageIsASpan()
    {
        Fixture f;
        const auto r = f.run();
        QVERIFY(r.ok());
        QCOMPARE(f.traces.size(), size_t{1});
        const std::vector<std::string> expected{"request", "guard.input", "cache.lookup", "route", "llm.call",
                                                "guard.output", "cache.store"};
        QCOMPARE(f.stages(), expected);
        const Trace& t = f.traces.back();
        for (const Span& s : t.spans) {
            QCOMPARE(s.traceId, t.traceId);
            QVERIFY(s.end >= s.start);
            if (!s.parentSpanId.empty())
                QVERIFY(t.findSpan(s.parentSpanId) != nullptr);
        }
        QCOMPARE(t.input.size(), size_t{1});
        QCOMPARE(t.output.at(0).content, std::string("fine"));
        QCOMPARE(t.exchanges.size(), size_t{1});
    }

    void summaryCarriesTokensCostAndTtft()
    {
        Fixture f;
        const auto r = f.run("gpt-4o-mini");
        const TraceSummary& s = f.traces.back().summary;
        QCOMPARE(s.inputTokens, std::int64_t{1000});
        QCOMPARE(s.outputTokens, std::int64_t{100});
        QCOMPARE(s.cacheReadTokens, std::int64_t{400});
        // gpt-4o-mini: 600 uncached × $0.15/M + 400 cached × $0.075/M + 100 × $0.60/M
        const double expected = (600 * 0.15 + 400 * 0.075 + 100 * 0.60) / 1e6;
        QVERIFY(qAbs(s.costUsd - expected) < 1e-12);
        QVERIFY(qAbs(r.cost.total() - expected) < 1e-12);
        QVERIFY(s.ttftMs.has_value());
        QVERIFY(qAbs(*s.ttftMs - 100.0) < 1.0);
        QCOMPARE(s.user, std::string("ada"));
        QCOMPARE(s.tags, std::string("a,b"));
        QCOMPARE(s.source, std::string("test"));
        QCOMPARE(s.status, std::string("ok"));
    }

    void providerReportedCostIsKeptBesideOursAndCompared()
    {
        Fixture f;
        CallResult agrees = ScriptedProvider::ok("fine");
        agrees.response.reportedCostUsd = (600 * 0.15 + 400 * 0.075 + 100 * 0.60) / 1e6;
        CallResult differs = ScriptedProvider::ok("fine");
        differs.response.reportedCostUsd = 0.01;
        f.provider->script = {agrees, differs};
        f.run("gpt-4o-mini");
        const Span* call = nullptr;
        for (const Span& s : f.traces.back().spans)
            if (s.attrString(attr::kStage) == "llm.call")
                call = &s;
        QVERIFY(call);
        QCOMPARE(call->attrDouble(attr::kCostReportedUsd).value_or(-1), *agrees.response.reportedCostUsd);
        QVERIFY(call->attributes.count(std::string(attr::kCostDiffers)));
        QCOMPARE(call->attrBool(attr::kCostDiffers), false);
        f.run("gpt-4o-mini");
        for (const Span& s : f.traces.back().spans)
            if (s.attrString(attr::kStage) == "llm.call")
                QCOMPARE(s.attrBool(attr::kCostDiffers), true);
    }

    void retriesHonourRetryAfterThenSucceed()
    {
        Fixture f;
        f.provider->script = {ScriptedProvider::http(429, 1500), ScriptedProvider::ok("second time")};
        const Nanos t0 = f.clock.now();
        const auto r = f.run();
        QVERIFY(r.ok());
        QCOMPARE(f.provider->calls, 2);
        QCOMPARE(r.response.text, std::string("second time"));
        QVERIFY(f.clock.now() - t0 >= 1500 * kNsPerMs);
        int calls = 0;
        for (const auto& s : f.traces.back().spans)
            calls += s.attrString(attr::kStage) == "llm.call";
        QCOMPARE(calls, 2);
    }

    void nonRetryableErrorFailsTheTrace()
    {
        Fixture f;
        f.provider->script = {ScriptedProvider::http(400)};
        const auto r = f.run();
        QVERIFY(!r.ok());
        QCOMPARE(f.provider->calls, 1);
        QCOMPARE(f.traces.back().summary.status, std::string("error"));
        QCOMPARE(f.traces.back().root()->status, SpanStatus::Error);
    }

    void failureAfterFirstTokenIsNotRetried()
    {
        Fixture f;
        CallResult cut = ScriptedProvider::ok("partial an");
        cut.error = {ProviderError::Kind::Network, 0, std::nullopt, "", {}, "stream ended before [DONE]"};
        f.provider->script = {cut};
        const auto r = f.run();
        QVERIFY(!r.ok());
        QCOMPARE(f.provider->calls, 1);
        QCOMPARE(r.response.text, std::string("partial an"));
        QCOMPARE(f.traces.back().output.at(0).content, std::string("partial an"));
    }

    void cutStreamWithoutUsageIsEstimatedAndSaysSo()
    {
        Fixture f;
        CallResult cut = ScriptedProvider::ok("partial answer that was cut");
        cut.response.usage = {};
        cut.error = {ProviderError::Kind::Network, 0, std::nullopt, "", {}, "stream ended before [DONE]"};
        f.provider->script = {cut};
        f.run();
        const Trace& t = f.traces.back();
        QVERIFY(t.summary.outputTokens > 0);
        QVERIFY(t.summary.costUsd > 0);
        for (const Span& s : t.spans)
            if (s.attrString(attr::kStage) == "llm.call") {
                QVERIFY(!s.attrBool(attr::kUsageReported));
                QVERIFY(s.attrBool(attr::kCostEstimated));
            }
    }

    void fallsBackToTheNextDeployment()
    {
        Fixture f;
        auto router = std::make_shared<TableRouter>();
        router->addRoute({"main", {{"", "gpt-4o"}, {"", "gpt-4o-mini"}}, 2});
        f.pipeline->setRouter(router);
        f.provider->script = {ScriptedProvider::http(500), ScriptedProvider::http(503), ScriptedProvider::ok("backup")};
        const auto r = f.run("main");
        QVERIFY(r.ok());
        QCOMPARE(f.provider->calls, 3);
        QCOMPARE(f.traces.back().summary.model, std::string("gpt-4o-mini"));
    }

    void unknownProviderIsAClearError()
    {
        Fixture f;
        ChatRequest r;
        r.provider = "nope";
        r.model = "x";
        r.messages = {{Role::User, "hi"}};
        const auto res = f.pipeline->run(r);
        QCOMPARE(res.error.kind, ProviderError::Kind::Config);
        QVERIFY(res.error.message.find("nope") != std::string::npos);
        QCOMPARE(f.traces.size(), size_t{1});
    }

    void simulatedTracesAreMarked()
    {
        auto registry = std::make_shared<ProviderRegistry>();
        registry->add(std::make_shared<SimulatedProvider>());
        std::vector<Trace> traces;
        Pipeline p(registry, [&](Trace t) { traces.push_back(std::move(t)); });
        ChatRequest r;
        r.provider = "simulated";
        r.model = "gpt-4o-mini";
        r.messages = {{Role::User, "hello"}};
        VirtualClock clock(0);
        RunOptions o;
        o.clock = &clock;
        const auto res = p.run(r, o);
        QVERIFY(res.ok());
        QVERIFY(res.simulated);
        QVERIFY(traces.at(0).summary.simulated);
        QVERIFY(traces.at(0).root()->attrBool(attr::kSimulated));
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "test_pipeline.moc"
