#pragma once
#include "catalog/catalog.h"
#include "catalog/cost.h"
#include "gateway/stages.h"
#include "providers/provider.h"
#include "trace/trace_builder.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ts {

class Governor;

struct RunOptions
{
    Clock* clock = &systemClock();
    const CancelToken* cancel = nullptr;
    IdSource* ids = &randomIds();
    // Streamed text as it arrives (after output guards that work on the stream); false stops.
    std::function<bool(std::string_view delta, Nanos at)> onText;
    // Run inside an existing trace (agent steps): spans join it under parentSpanId and the trace
    // is not recorded separately.
    TraceBuilder* parent = nullptr;
    std::string parentSpanId;
};

struct PipelineResult
{
    ChatResponse response;
    ProviderError error;
    std::string traceId;
    std::string rootSpanId;
    CostBreakdown cost;
    std::optional<double> ttftMs; // from the request's start to the first token
    bool simulated = false;
    bool cacheHit = false;

    bool ok() const { return !error; }
};

// The one path every request takes, whoever sends it (playground, CLI, gateway, demo, replay):
// guard.input → cache.lookup → route (attempts, retries, fallbacks) → llm.call → guard.output
// → cache.store → trace recorded. Each stage is a span. Thread-safe: run() may be called from
// several threads at once (the stages it holds must be, too).
class Pipeline
{
public:
    using TraceSink = std::function<void(Trace)>;

    // Prices come from `catalog`, or when it is null from Catalog::current() at each call, so the
    // user's price overrides apply as soon as they are saved.
    Pipeline(std::shared_ptr<ProviderRegistry> providers, TraceSink sink,
             std::shared_ptr<const Catalog> catalog = nullptr);

    // Router and governor can be swapped while requests run (the user applied a new gateway config):
    // calls in flight keep the ones they started with. A null router means direct.
    void setRouter(std::shared_ptr<Router> router);
    // Circuit breakers, rate limits and budgets applied to every attempt; null: none.
    void setGovernor(std::shared_ptr<Governor> governor);
    std::shared_ptr<Governor> governor() const;
    // Swapped like the router; null: none (the stage's span says "none").
    void setGuards(std::shared_ptr<InputGuard> input, std::shared_ptr<OutputGuard> output);
    // Swapped like the router: calls in flight keep the cache they started with. Null: none.
    void setCache(std::shared_ptr<ResponseCache> cache);
    std::shared_ptr<ResponseCache> cache() const;

    // Swaps the providers (the user saved new settings, keys arrived from the keychain). Thread-safe:
    // calls in flight keep the registry they started with; the next run() uses the new one.
    void setProviders(std::shared_ptr<ProviderRegistry> providers);
    std::shared_ptr<const ProviderRegistry> providerRegistry() const;
    // The current registry; stays valid for the pipeline's life (replaced ones are kept: swaps are rare).
    const ProviderRegistry& providers() const { return *providerRegistry(); }
    std::shared_ptr<const Catalog> catalog() const { return catalog_ ? catalog_ : Catalog::current(); }
    const TraceSink& sink() const { return sink_; }

    PipelineResult run(ChatRequest request, const RunOptions& options = {});

private:
    struct Run;
    GuardVerdict runGuard(Run& run, const char* stage, const std::string& policy,
                          const std::function<GuardVerdict(Span&)>& check);
    void guardInput(Run& run);
    bool lookupCache(Run& run, ResponseCache* cache);
    void replay(Run& run, const CachedAnswer& answer);
    void route(Run& run);
    struct Attempted;
    Attempted attempt(Run& run, const Deployment& deployment, int attemptNo, Span& routeSpan);
    void guardOutput(Run& run);
    void storeCache(Run& run, ResponseCache* cache, std::vector<TextDelta> deltas);

    mutable std::mutex swapMutex_;
    std::shared_ptr<ProviderRegistry> providers_;
    std::vector<std::shared_ptr<ProviderRegistry>> retired_; // keeps providers() references valid
    TraceSink sink_;
    std::shared_ptr<const Catalog> catalog_;
    std::shared_ptr<Router> router_;           // guarded by swapMutex_
    std::shared_ptr<Governor> governor_;       // guarded by swapMutex_
    std::shared_ptr<InputGuard> inputGuard_;   // guarded by swapMutex_
    std::shared_ptr<OutputGuard> outputGuard_; // guarded by swapMutex_
    std::shared_ptr<ResponseCache> cache_;     // guarded by swapMutex_
};

} // namespace ts
