#include "demo/demo.h"

#include "cache/exact_cache.h"
#include "cache/lexical_embedder.h"
#include "cache/semantic_layer.h"
#include "demo/scenario.h"
#include "gateway/guard_stages.h"
#include "gateway/table_router.h"
#include "model/attributes.h"
#include "providers/simulated.h"
#include "trace/workspace_error.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ts::demo {

namespace {

constexpr Nanos kDay = 24LL * 3600 * kNsPerSec;

// Share of traffic per scenario: completions dominate, agents are rare but long.
double share(const std::string& scenario)
{
    if (scenario == "copilot")
        return 0.55;
    if (scenario == "writer")
        return 0.2;
    if (scenario == "rag")
        return 0.15;
    return 0.1;
}

// Working hours are busy, nights quiet, weekends at a third.
double activity(Nanos t)
{
    const double hour = static_cast<double>(t % kDay) / (3600.0 * static_cast<double>(kNsPerSec));
    const int weekday = static_cast<int>((t / kDay + 4) % 7); // 1970-01-01 was a Thursday
    const double diurnal = 0.15 + std::pow(std::max(0.0, std::sin((hour - 6.0) / 14.0 * std::numbers::pi)), 2.0);
    return (weekday == 0 || weekday == 6 ? 0.35 : 1.0) * diurnal;
}

std::vector<Event> schedule(const Options& o, Nanos end, std::mt19937_64& rng)
{
    std::vector<Event> events;
    const Nanos start = end - o.days * kDay;
    double total = 0;
    for (const auto& s : o.scenarios)
        total += share(s);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (size_t si = 0; si < o.scenarios.size(); ++si) {
        const double perDay = o.requestsPerDay * share(o.scenarios[si]) / total;
        // Thinning: propose uniformly, keep in proportion to activity (peak activity ≈ 1.15).
        const auto proposals = static_cast<std::int64_t>(perDay * o.days / 0.55);
        for (std::int64_t i = 0; i < proposals; ++i) {
            const Nanos at = start + static_cast<Nanos>(u(rng) * static_cast<double>(end - start));
            if (u(rng) * 1.15 < activity(at))
                events.push_back({at, static_cast<int>(si), static_cast<double>(at - start) / static_cast<double>(end - start)});
        }
    }
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
    return events;
}

std::shared_ptr<Router> demoRoutes()
{
    auto router = std::make_shared<TableRouter>();
    router->addRoute({"writer-fast", {{"", "gpt-4o-mini"}, {"", "gemini-2.0-flash"}}, 2});
    router->addRoute({"writer-premium", {{"", "claude-sonnet-4"}, {"", "gpt-4o"}}, 2});
    router->addRoute({"rag-default", {{"", "gpt-4.1-mini"}, {"", "claude-3-5-haiku"}}, 2});
    return router;
}

// The caches see the demo's virtual time, so their TTLs run over the days being generated.
class EventClock final : public Clock
{
public:
    Nanos now() const override { return now_.load(); }
    bool sleepUntil(Nanos t, const CancelToken*) override
    {
        set(std::max(now(), t));
        return true;
    }
    void set(Nanos t) { now_.store(t); }

private:
    std::atomic<Nanos> now_{0};
};

std::shared_ptr<ResponseCache> demoCaches(const std::string& workspacePath, Clock& clock)
{
    if (workspacePath.empty())
        return nullptr;
    std::vector<std::shared_ptr<ResponseCache>> layers;
    cache::ExactCacheConfig exact;
    exact.enabled = true;
    exact.ttl = 3600 * kNsPerSec;
    exact.replay = cache::ReplayPacing::Instant; // virtual time: nothing to wait for
    try {
        layers.push_back(cache::ExactCache::open(workspacePath, exact, clock));
    } catch (const WorkspaceError&) {
        // the traces still go where the caller sends them; the demo goes on with the semantic layer
    }
    cache::SemanticCacheConfig semantic;
    semantic.ttl = exact.ttl;
    layers.push_back(std::make_shared<cache::SemanticLayer>(
        std::make_shared<cache::SemanticCache>(std::make_shared<cache::LexicalEmbedder>(), semantic, clock)));
    return std::make_shared<cache::CacheLayers>(std::move(layers));
}

// Personal data redacted (and restored in answers), secrets blocked, clear injection attempts
// blocked and weaker ones logged by score; answers masked.
std::shared_ptr<const guard::CompiledPolicy> demoGuardPolicy()
{
    static const auto policy = std::make_shared<const guard::CompiledPolicy>(guard::parsePolicyText(R"({
        "name": "demo",
        "input": {"personal_data": "redact", "secret": "block",
                  "injection": {"action": "block", "threshold": 0.6}},
        "output": {"personal_data": "mask", "secret": "redact"}})"));
    return policy;
}

PipelineResult runOne(const std::string& scenario, const Event& ev, ScenarioContext& ctx)
{
    if (scenario == "copilot")
        return runCopilot(ev, ctx);
    if (scenario == "writer")
        return runWriter(ev, ctx);
    if (scenario == "rag")
        return runRag(ev, ctx);
    return runAgent(ev, ctx);
}

} // namespace

Stats run(const Options& options, const Pipeline::TraceSink& sink,
          const std::function<bool(std::int64_t, std::int64_t)>& progress)
{
    std::mt19937_64 rng(options.seed);
    const Nanos end = options.end ? options.end : wallNowNs();
    const auto events = schedule(options, end, rng);

    SimulatedConfig sim;
    sim.seed = options.seed;
    sim.errorRate = 0.04;
    sim.refusalRate = 0.015;
    auto providers = std::make_shared<ProviderRegistry>();
    providers->add(std::make_shared<SimulatedProvider>(sim));
    // Every demo trace is simulated traffic, also one a guard stopped before any provider ran.
    Pipeline pipeline(providers, [&sink](Trace t) {
        for (Span& s : t.spans)
            if (s.parentSpanId.empty())
                s.attributes.insert_or_assign(std::string(attr::kSimulated), true);
        sink(std::move(t));
    });
    pipeline.setRouter(demoRoutes());
    EventClock cacheClock;
    pipeline.setCache(demoCaches(options.workspacePath, cacheClock));
    pipeline.setGuards(std::make_shared<PolicyInputGuard>(demoGuardPolicy()),
                       std::make_shared<PolicyOutputGuard>(demoGuardPolicy()));
    IdSource ids(options.seed);
    ScenarioContext ctx{pipeline, ids, rng};

    Stats stats;
    const auto total = static_cast<std::int64_t>(events.size());
    for (const Event& ev : events) {
        cacheClock.set(ev.at);
        PipelineResult r = runOne(options.scenarios[static_cast<size_t>(ev.scenario)], ev, ctx);
        ++stats.requests;
        stats.errors += !r.ok();
        stats.cacheHits += r.cacheHit;
        stats.costUsd += r.cost.total();
        if (progress && stats.requests % 200 == 0 && !progress(stats.requests, total))
            break;
    }
    if (progress)
        progress(stats.requests, total);
    return stats;
}

} // namespace ts::demo
