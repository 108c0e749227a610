// The route stage with a gateway config applied: fallbacks, retries, breakers, rate limits and
// budgets, driven through Pipeline::run with scripted providers on a virtual clock (no HTTP).
#include "engine/gateway_setup.h"
#include "model/attributes.h"

#include <QtTest>

#include "qtest_std_string.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

using namespace ts;

namespace {

constexpr Nanos kT0 = 1'772'366'400 * kNsPerSec; // midday UTC
constexpr Nanos kFirstChunk = 100 * kNsPerMs;    // a scripted reply's time to first token

struct Call
{
    std::string deployment; // "alpha/gpt-4o"
    Nanos at = 0;
};

// Plays back scripted results per model and logs every call (shared by the providers of a test).
class ScriptedProvider final : public Provider
{
public:
    ScriptedProvider(std::string name, std::vector<Call>& log, std::mutex& mutex) : name_(std::move(name)), log_(log), mutex_(mutex) {}
    std::string id() const override { return name_; }
    std::string otelName() const override { return name_; }
    std::vector<ModelListing> models() const override { return {}; }
    CallResult call(const ChatRequest& r, const CallContext& ctx) override
    {
        CallResult res = next(r.model, ctx.clock->now());
        if (gate)
            gate(r);
        res.startedAt = ctx.clock->now();
        res.response.model = r.model;
        if (!res.response.text.empty()) {
            res.firstChunkAt = res.startedAt + kFirstChunk;
            ctx.clock->sleepUntil(*res.firstChunkAt, ctx.cancel);
            if (ctx.onText)
                ctx.onText(res.response.text, *res.firstChunkAt);
        }
        res.finishedAt = ctx.clock->now();
        return res;
    }

    std::map<std::string, std::deque<CallResult>> script; // by model; an empty script answers ok
    std::function<void(const ChatRequest&)> gate;         // runs inside call(): tests block here

private:
    CallResult next(const std::string& model, Nanos now)
    {
        std::lock_guard lock(mutex_);
        log_.push_back({name_ + "/" + model, now});
        auto& queue = script[model];
        if (queue.empty())
            return ok("fine from " + name_ + "/" + model);
        CallResult r = queue.front();
        queue.pop_front();
        return r;
    }

    std::string name_;
    std::vector<Call>& log_;
    std::mutex& mutex_;

public:
    static CallResult ok(const std::string& text)
    {
        CallResult r;
        r.response.text = text;
        r.response.finishReason = "stop";
        r.response.usage = {.inputTokens = 1000, .outputTokens = 100, .reported = true};
        return r;
    }
    static CallResult http(int status, std::string type, std::string code = {}, std::optional<std::int64_t> retryAfterMs = {})
    {
        CallResult r;
        r.error = {ProviderError::Kind::Http, status, retryAfterMs, std::move(type), std::move(code),
                   "HTTP " + std::to_string(status)};
        return r;
    }
    static CallResult failed(ProviderError::Kind kind, std::string partialText = {})
    {
        CallResult r;
        r.response.text = std::move(partialText);
        r.error = {kind, 0, std::nullopt, {}, {}, kind == ProviderError::Kind::Timeout ? "timed out" : "connection reset"};
        return r;
    }
};

std::shared_ptr<const GatewayConfig> configFrom(const char* json)
{
    auto r = parseGatewayConfig(json);
    if (!r.ok())
        qFatal("%s", r.errors.front().c_str());
    return std::make_shared<const GatewayConfig>(std::move(r.config));
}

// Two providers (alpha, beta) behind a pipeline with a gateway config applied.
struct Fixture
{
    std::vector<Call> calls;
    std::mutex mutex;
    std::shared_ptr<ScriptedProvider> alpha = std::make_shared<ScriptedProvider>("alpha", calls, mutex);
    std::shared_ptr<ScriptedProvider> beta = std::make_shared<ScriptedProvider>("beta", calls, mutex);
    std::vector<Trace> traces;
    std::unique_ptr<Pipeline> pipeline;
    std::shared_ptr<Governor> governor;
    VirtualClock clock{kT0};
    std::string streamed;

    explicit Fixture(const char* configJson)
    {
        auto registry = std::make_shared<ProviderRegistry>();
        registry->add(alpha);
        registry->add(beta);
        pipeline = std::make_unique<Pipeline>(
            registry,
            [this](Trace t) {
                std::lock_guard lock(mutex);
                traces.push_back(std::move(t));
            },
            std::make_shared<Catalog>(Catalog::builtin()));
        governor = applyGatewayConfig(*pipeline, configFrom(configJson));
    }
    static ChatRequest request(const std::string& model = "chat")
    {
        ChatRequest r;
        r.model = model;
        r.stream = true;
        r.maxTokens = 100;
        r.messages = {{Role::User, "hi"}};
        r.meta = {.user = "ada", .session = "s1", .tags = {"t"}, .source = "test"};
        return r;
    }
    PipelineResult run(ChatRequest r = request())
    {
        RunOptions o;
        o.clock = &clock;
        o.onText = [this](std::string_view delta, Nanos) {
            streamed += delta;
            return true;
        };
        return pipeline->run(std::move(r), o);
    }
    std::vector<std::string> called() const
    {
        std::vector<std::string> out;
        for (const Call& c : calls)
            out.push_back(c.deployment);
        return out;
    }
    const Span& span(std::string_view stage, int nth = 0) const
    {
        for (const Span& s : traces.back().spans)
            if (s.attrString(attr::kStage) == stage && nth-- == 0)
                return s;
        qFatal("no span for stage %s", std::string(stage).c_str());
    }
    std::vector<std::int64_t> attemptNumbers() const
    {
        std::vector<std::int64_t> out;
        for (const Span& s : traces.back().spans)
            if (s.attrString(attr::kStage) == "llm.call")
                out.push_back(s.attrInt(attr::kAttempt).value_or(-1));
        return out;
    }
};

const char* const kTwoDeployments = R"({"routes": [{"name": "chat", "deployments": [
    {"provider": "alpha", "model": "gpt-4o"}, {"provider": "beta", "model": "gpt-4o-mini"}]}]})";

const char* const kOneTryEach = R"({"routes": [{"name": "chat", "attempts": 1, "deployments": [
    {"provider": "alpha", "model": "gpt-4o"}, {"provider": "beta", "model": "gpt-4o-mini"}]}]})";

using Strings = std::vector<std::string>;

} // namespace

class TestPipelineRouting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rateLimitMovesOnWithoutWaiting()
    {
        Fixture f(kTwoDeployments);
        f.alpha->script["gpt-4o"] = {ScriptedProvider::http(429, "rate_limit_exceeded", {}, 20'000)};
        const auto r = f.run();
        QVERIFY(r.ok());
        QCOMPARE(f.called(), (Strings{"alpha/gpt-4o", "beta/gpt-4o-mini"}));
        QCOMPARE(f.calls[1].at, kT0); // the Retry-After of 20 s was not waited for
        QCOMPARE(f.clock.now(), kT0 + kFirstChunk);
        QCOMPARE(f.span("route").attrInt("tokenscope.route.attempts"), std::optional<std::int64_t>(2));
        QCOMPARE(f.span("llm.call", 0).attrString(attr::kErrorCategory), std::string("rate_limited"));
    }

    void serverErrorIsRetriedWithBackoffThenFallsBack()
    {
        Fixture f(kTwoDeployments);
        f.alpha->script["gpt-4o"] = {ScriptedProvider::http(500, "server_error"), ScriptedProvider::http(500, "server_error")};
        const auto r = f.run();
        QVERIFY(r.ok());
        QCOMPARE(r.response.text, std::string("fine from beta/gpt-4o-mini"));
        QCOMPARE(f.called(), (Strings{"alpha/gpt-4o", "alpha/gpt-4o", "beta/gpt-4o-mini"}));
        // full jitter under a ceiling of 500 ms << 1 for the first retry; the fallback goes at once
        QVERIFY(f.calls[1].at - f.calls[0].at <= kNsPerSec);
        QCOMPARE(f.calls[2].at, f.calls[1].at);
        QCOMPARE(f.attemptNumbers(), (std::vector<std::int64_t>{1, 2, 3}));
        const Span& route = f.span("route");
        QCOMPARE(route.attrInt("tokenscope.route.attempts"), std::optional<std::int64_t>(3));
        QCOMPARE(route.attrString("tokenscope.route.strategy"), std::string("priority"));
        QCOMPARE(route.attrString(attr::kRoute), std::string("chat"));
        QCOMPARE(route.status, SpanStatus::Ok);
        QCOMPARE(f.traces.back().summary.model, std::string("gpt-4o-mini"));
    }

    void serverRetryAfterIsHonouredOnTheSameDeployment()
    {
        Fixture f(kTwoDeployments);
        f.alpha->script["gpt-4o"] = {ScriptedProvider::http(500, "server_error", {}, 2'000)};
        QVERIFY(f.run().ok());
        QCOMPARE(f.called(), (Strings{"alpha/gpt-4o", "alpha/gpt-4o"}));
        QCOMPARE(f.calls[1].at - f.calls[0].at, 2 * kNsPerSec);
    }

    void timeoutFallsBack()
    {
        Fixture f(kOneTryEach);
        f.alpha->script["gpt-4o"] = {ScriptedProvider::failed(ProviderError::Kind::Timeout)};
        const auto r = f.run();
        QVERIFY(r.ok());
        QCOMPARE(f.called(), (Strings{"alpha/gpt-4o", "beta/gpt-4o-mini"}));
        QCOMPARE(f.span("llm.call", 0).attrString(attr::kErrorCategory), std::string("timeout"));
    }

    void streamFailingBeforeTheFirstTokenFallsBack()
    {
        Fixture f(kOneTryEach);
        f.alpha->script["gpt-4o"] = {ScriptedProvider::failed(ProviderError::Kind::Network)};
        const auto r = f.run();
        QVERIFY(r.ok());
        QCOMPARE(f.called(), (Strings{"alpha/gpt-4o", "beta/gpt-4o-mini"}));
        QCOMPARE(f.streamed, std::string("fine from beta/gpt-4o-mini"));
    }

    void streamFailingAfterTheFirstTokenIsReportedNotRetried()
    {
        Fixture f(kTwoDeployments);
        f.alpha->script["gpt-4o"] = {ScriptedProvider::failed(ProviderError::Kind::Network, "Hello, wor")};
        const auto r = f.run();
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, ProviderError::Kind::Network);
        QCOMPARE(r.response.text, std::string("Hello, wor"));
        QCOMPARE(f.streamed, std::string("Hello, wor"));
        QCOMPARE(f.called(), (Strings{"alpha/gpt-4o"}));
        QCOMPARE(f.span("route").attrInt("tokenscope.route.attempts"), std::optional<std::int64_t>(1));
        QCOMPARE(f.traces.back().output.at(0).content, std::string("Hello, wor"));
        QCOMPARE(f.traces.back().summary.status, std::string("error"));
    }

    void contextTooLongEverywhereGoesToTheContextFallback()
    {
        Fixture f(R"({"routes": [{"name": "chat", "deployments": [
            {"provider": "alpha", "model": "gpt-4o"}, {"provider": "beta", "model": "gpt-4o-mini"}],
            "context_fallback": {"provider": "beta", "model": "gpt-4.1"}}]})");
        const CallResult tooLong = ScriptedProvider::http(400, "invalid_request_error", "context_length_exceeded");
        f.alpha->script["gpt-4o"] = {tooLong};
        f.beta->script["gpt-4o-mini"] = {tooLong};
        const auto r = f.run();
        QVERIFY(r.ok());
        QCOMPARE(f.called(), (Strings{"alpha/gpt-4o", "beta/gpt-4o-mini", "beta/gpt-4.1"}));
        QCOMPARE(r.response.text, std::string("fine from beta/gpt-4.1"));
        QCOMPARE(f.clock.now(), kT0 + kFirstChunk); // no backoff on the way
    }

    void badRequestDoesNotFallBack()
    {
        Fixture f(kTwoDeployments);
        f.alpha->script["gpt-4o"] = {ScriptedProvider::http(400, "invalid_request_error")};
        const auto r = f.run();
        QVERIFY(!r.ok());
        QCOMPARE(r.error.httpStatus, 400);
        QCOMPARE(f.called(), (Strings{"alpha/gpt-4o"}));
        QCOMPARE(f.span("route").status, SpanStatus::Error);
    }

    void openBreakerSkipsTheDeployment()
    {
        Fixture f(R"({"routes": [{"name": "chat", "attempts": 1, "deployments": [
            {"provider": "alpha", "model": "gpt-4o"}, {"provider": "beta", "model": "gpt-4o-mini"}]}],
            "circuit_breaker": {"failures": 2, "open_seconds": 30}})");
        f.alpha->script["gpt-4o"] = {ScriptedProvider::http(500, "server_error"), ScriptedProvider::http(500, "server_error")};
        QVERIFY(f.run().ok());
        QVERIFY(f.run().ok());
        QCOMPARE(f.governor->breakers().state("alpha/gpt-4o", f.clock.now()), BreakerState::Open);
        f.calls.clear();
        QVERIFY(f.run().ok());
        QCOMPARE(f.called(), (Strings{"beta/gpt-4o-mini"}));
        const Span& route = f.span("route");
        QVERIFY2(route.attrString("tokenscope.route.skipped").starts_with("circuit_open: alpha/gpt-4o is failing"),
                 route.attrString("tokenscope.route.skipped").c_str());
        QCOMPARE(route.attrInt("tokenscope.route.attempts"), std::optional<std::int64_t>(1));
        f.clock.advance(30 * kNsPerSec); // half-open: one probe goes, succeeds, and closes it
        f.calls.clear();
        QVERIFY(f.run().ok());
        QCOMPARE(f.called(), (Strings{"alpha/gpt-4o"}));
        QCOMPARE(f.governor->breakers().state("alpha/gpt-4o", f.clock.now()), BreakerState::Closed);
    }

    void overBudgetIsRefusedWithoutACall()
    {
        // gpt-4o: 100 output tokens alone cost $0.001, more than the whole budget
        Fixture f(R"({"routes": [{"name": "chat", "deployments": [{"provider": "alpha", "model": "gpt-4o"},
            {"provider": "beta", "model": "gpt-4o-mini"}]}],
            "budgets": [{"scope": "user", "name": "ada", "period": "day", "usd": 0.00001}]})");
        const auto r = f.run();
        QVERIFY(!r.ok());
        QVERIFY(f.calls.empty());
        QCOMPARE(r.error.httpStatus, 429);
        QCOMPARE(r.error.code, std::string("budget_exceeded"));
        QCOMPARE(r.error.retryAfterMs, std::optional<std::int64_t>(12 * 3600 * 1000)); // midnight UTC
        QVERIFY(f.span("route").attrString("tokenscope.route.skipped").starts_with("over_budget: over budget: user ada"));
        QCOMPARE(f.span("route").attrInt("tokenscope.route.attempts"), std::optional<std::int64_t>(0));
        const auto status = f.governor->ledger().status(f.clock.now());
        QCOMPARE(status.at(0).spentUsd, 0.0);
        QCOMPARE(status.at(0).heldUsd, 0.0);
    }

    void keyRateLimitRefusesWithRetryAfter()
    {
        Fixture f(R"({"routes": [{"name": "chat", "deployments": [{"provider": "alpha", "model": "gpt-4o"},
            {"provider": "beta", "model": "gpt-4o-mini"}]}],
            "keys": [{"name": "team", "key": "tsk-0123456789abcdef", "rpm": 1}]})");
        ChatRequest r = Fixture::request();
        r.meta.apiKeyName = "team";
        QVERIFY(f.run(r).ok());
        const auto refused = f.run(r);
        QVERIFY(!refused.ok());
        QCOMPARE(f.called(), (Strings{"alpha/gpt-4o"}));
        QCOMPARE(refused.error.httpStatus, 429);
        QCOMPARE(refused.error.code, std::string("gateway_rate_limit"));
        QVERIFY(refused.error.retryAfterMs.has_value());
        // one request a minute; 100 ms went by in the first request's reply
        QCOMPARE(*refused.error.retryAfterMs, std::int64_t{60'000 - 100});
        QVERIFY(f.span("route").attrString("tokenscope.route.skipped").starts_with("rate_limited: key team is over its requests-per-minute limit"));
    }

    void aSwapWhileARequestRunsLeavesItsOwnRouterAndGovernor()
    {
        Fixture f(R"({"routes": [{"name": "chat", "deployments": [{"provider": "alpha", "model": "gpt-4o"},
            {"provider": "beta", "model": "gpt-4o-mini"}]}],
            "budgets": [{"scope": "user", "name": "ada", "period": "day", "usd": 1.0}]})");
        std::mutex m;
        std::condition_variable cv;
        bool entered = false, released = false;
        f.alpha->gate = [&](const ChatRequest&) {
            std::unique_lock lock(m);
            entered = true;
            cv.notify_all();
            cv.wait(lock, [&] { return released; });
        };
        f.alpha->script["gpt-4o"] = {ScriptedProvider::http(429, "rate_limit_exceeded")};
        const auto oldGovernor = f.governor;
        PipelineResult running;
        std::thread t([&] { running = f.run(); });
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return entered; });
        }
        const auto newGovernor = applyGatewayConfig(*f.pipeline, configFrom(R"({"routes": [{"name": "chat",
            "deployments": [{"provider": "beta", "model": "gpt-4.1"}]}],
            "budgets": [{"scope": "user", "name": "ada", "period": "day", "usd": 1.0}]})"));
        {
            std::lock_guard lock(m);
            released = true;
        }
        cv.notify_all();
        t.join();
        QVERIFY(running.ok());
        QCOMPARE(running.response.text, std::string("fine from beta/gpt-4o-mini")); // its own plan's fallback
        QVERIFY(oldGovernor->ledger().status(f.clock.now()).at(0).spentUsd > 0);
        QCOMPARE(newGovernor->ledger().status(f.clock.now()).at(0).spentUsd, 0.0);
        f.alpha->gate = nullptr;
        const auto next = f.run();
        QCOMPARE(next.response.text, std::string("fine from beta/gpt-4.1"));
        QVERIFY(newGovernor->ledger().status(f.clock.now()).at(0).spentUsd > 0);
    }
};

QTEST_GUILESS_MAIN(TestPipelineRouting)
#include "test_pipeline_routing.moc"
