#include "gateway/pipeline.h"

#include "gateway/call_span.h"
#include "model/attributes.h"
#include "tokens/model_tokens.h"

#include <algorithm>
#include <random>

namespace ts {

namespace {

constexpr Nanos kBackoffBase = 500 * kNsPerMs;
constexpr Nanos kBackoffCap = 8 * kNsPerSec;
constexpr std::int64_t kMaxRetryAfterMs = 120'000;

// Exponential backoff with full jitter, unless the provider said when to come back.
Nanos backoff(const ProviderError& error, int attemptNo, std::mt19937_64& rng)
{
    if (error.retryAfterMs && *error.retryAfterMs > 0 && *error.retryAfterMs <= kMaxRetryAfterMs)
        return *error.retryAfterMs * kNsPerMs;
    const Nanos ceiling = std::min(kBackoffCap, kBackoffBase << std::min(attemptNo, 10));
    return std::uniform_int_distribution<Nanos>(0, ceiling)(rng);
}

// A stream cut before its usage chunk still cost money: count it with the model's tokenizer
// (exact for OpenAI models), marked as not reported by the provider.
Usage estimatedUsage(const ChatRequest& request, const ChatResponse& response)
{
    const ModelTokenCounter counter = ModelTokenCounter::forModel(request.model);
    Usage u;
    u.inputTokens = counter.countChat(request.messages, request.tools).tokens;
    u.outputTokens = counter.countText(response.text).tokens;
    for (const ToolCall& c : response.toolCalls)
        u.outputTokens += counter.countText(c.name).tokens + counter.countText(c.arguments).tokens;
    return u;
}

} // namespace

struct Pipeline::Run
{
    ChatRequest request;
    const RunOptions& options;
    TraceBuilder& trace;
    Span& root;
    PipelineResult result;
    std::mt19937_64 rng;
    std::shared_ptr<const ProviderRegistry> providers; // the registry this run started with
};

Pipeline::Pipeline(std::shared_ptr<ProviderRegistry> providers, TraceSink sink, std::shared_ptr<const Catalog> catalog)
    : providers_(std::move(providers)), sink_(std::move(sink)), catalog_(std::move(catalog)),
      router_(std::make_shared<DirectRouter>())
{
}

void Pipeline::setProviders(std::shared_ptr<ProviderRegistry> providers)
{
    std::lock_guard lock(providersMutex_);
    retired_.push_back(std::move(providers_));
    providers_ = std::move(providers);
}

std::shared_ptr<const ProviderRegistry> Pipeline::providerRegistry() const
{
    std::lock_guard lock(providersMutex_);
    return providers_;
}

PipelineResult Pipeline::run(ChatRequest request, const RunOptions& options)
{
    std::optional<TraceBuilder> own;
    if (!options.parent)
        own.emplace(*options.clock, *options.ids);
    TraceBuilder& trace = options.parent ? *options.parent : *own;
    Span& root = trace.begin("chat " + request.model, options.parentSpanId,
                             options.parent ? SpanKind::Internal : SpanKind::Server);
    recordRequestMeta(root, request);
    Run run{std::move(request), options, trace, root, {}, std::mt19937_64(std::hash<std::string>{}(root.spanId)),
            providerRegistry()};
    run.result.traceId = trace.traceId();
    run.result.rootSpanId = root.spanId;

    guardInput(run);
    if (!run.result.error && !lookupCache(run))
        route(run);
    if (!run.result.error)
        guardOutput(run);
    if (!run.result.error && !run.result.cacheHit)
        storeCache(run);

    if (run.result.simulated)
        root.attributes.insert_or_assign(std::string(attr::kSimulated), true);
    if (run.result.error) {
        root.attributes.insert_or_assign(std::string(attr::kErrorType),
                                         run.result.error.kind == ProviderError::Kind::Cancelled
                                             ? std::string("cancelled")
                                             : std::string(kindName(run.result.error.kind)));
        trace.end(root, SpanStatus::Error, run.result.error.message);
    } else {
        trace.end(root, SpanStatus::Ok);
    }
    auto& tr = trace.trace();
    // The trace keeps the latest exchange: an agent's last step holds the whole conversation.
    tr.input = run.request.messages;
    tr.output.clear();
    if (!run.result.response.text.empty() || !run.result.response.toolCalls.empty())
        tr.output.push_back(run.result.response.asMessage());
    if (own && sink_)
        sink_(own->take());
    return std::move(run.result);
}

// Both guard stages: a span with the policy's name and findings; a block fails the request.
void Pipeline::runGuard(Run& run, const char* stage, const std::string& policy,
                        const std::function<GuardVerdict(Span&)>& check)
{
    Span& span = run.trace.begin(stage, run.root.spanId);
    span.attributes.insert_or_assign(std::string(attr::kStage), std::string(stage));
    span.attributes.insert_or_assign("tokenscope.guard.policy", policy);
    const GuardVerdict verdict = check ? check(span) : GuardVerdict{};
    span.attributes.insert_or_assign(std::string(attr::kGuardFindings), std::int64_t{verdict.findings});
    if (verdict.blocked)
        run.result.error = {ProviderError::Kind::Config, 0, std::nullopt, "guard_blocked", {}, verdict.reason};
    run.trace.end(span, verdict.blocked ? SpanStatus::Error : SpanStatus::Ok, verdict.reason);
}

void Pipeline::guardInput(Run& run)
{
    if (!inputGuard_)
        return runGuard(run, "guard.input", "none", {});
    runGuard(run, "guard.input", inputGuard_->policyName(), [&](Span& span) { return inputGuard_->check(run.request, span); });
}

bool Pipeline::lookupCache(Run& run)
{
    Span& span = run.trace.begin("cache.lookup", run.root.spanId);
    span.attributes.insert_or_assign(std::string(attr::kStage), std::string("cache.lookup"));
    std::optional<ChatResponse> hit;
    if (cache_) {
        span.attributes.insert_or_assign("tokenscope.cache.layer", cache_->layerName());
        hit = cache_->lookup(run.request, span);
    } else {
        span.attributes.insert_or_assign("tokenscope.cache.layer", std::string("none"));
    }
    span.attributes.insert_or_assign(std::string(attr::kCacheHit), hit.has_value());
    run.trace.end(span);
    if (!hit)
        return false;
    run.result.response = *hit;
    run.result.cacheHit = true;
    if (run.options.onText && !hit->text.empty())
        run.options.onText(hit->text, run.trace.clock().now());
    return true;
}

void Pipeline::route(Run& run)
{
    const RoutePlan plan = router_->plan(run.request);
    Span& span = run.trace.begin("route " + plan.name, run.root.spanId);
    span.attributes.insert_or_assign(std::string(attr::kStage), std::string("route"));
    span.attributes.insert_or_assign(std::string(attr::kRoute), plan.name);
    int attemptNo = 0;
    bool done = false;
    for (size_t d = 0; d < plan.deployments.size() && !done; ++d) {
        for (int tryNo = 0; tryNo < plan.maxAttemptsPerDeployment && !done; ++tryNo) {
            if (attemptNo > 0) {
                const Nanos wait = backoff(run.result.error, attemptNo, run.rng);
                if (!run.trace.clock().sleepUntil(run.trace.clock().now() + wait, run.options.cancel)) {
                    run.result.error = {ProviderError::Kind::Cancelled, 0, std::nullopt, "cancelled", {}, "cancelled"};
                    break;
                }
            }
            done = attempt(run, plan.deployments[d], ++attemptNo, span);
        }
    }
    span.attributes.insert_or_assign("tokenscope.route.attempts", std::int64_t{attemptNo});
    run.trace.end(span, run.result.error ? SpanStatus::Error : SpanStatus::Ok, run.result.error.message);
}

// One call to one deployment. Returns true when no further attempt should be made: success,
// an error that retrying cannot fix, or a failure after tokens reached the caller.
bool Pipeline::attempt(Run& run, const Deployment& deployment, int attemptNo, Span& routeSpan)
{
    ChatRequest request = run.request;
    request.provider = deployment.provider;
    request.model = deployment.model;
    Span& span = run.trace.begin("chat " + request.model, routeSpan.spanId, SpanKind::Client);
    span.attributes.insert_or_assign(std::string(attr::kAttempt), std::int64_t{attemptNo});
    auto provider = run.providers->find(request.provider);
    if (!provider) {
        span.attributes.insert_or_assign(std::string(attr::kStage), std::string("llm.call"));
        run.result.error = {ProviderError::Kind::Config, 0, std::nullopt, "unknown_provider", {},
                            "no provider named '" + request.provider + "' is configured"};
        run.trace.end(span, SpanStatus::Error, run.result.error.message);
        return false;
    }
    recordCallRequest(span, *provider, request);
    CallContext ctx{&run.trace.clock(), run.options.cancel, run.options.onText};
    CallResult result = provider->call(request, ctx);
    if (!result.response.usage.reported && (result.firstChunkAt || result.ok()))
        result.response.usage = estimatedUsage(request, result.response);
    const auto catalog = this->catalog();
    const ModelInfo* priced = catalog->find(request.model, request.provider);
    CostExplanation cost = priced ? explainCost(*priced, result.response.usage) : CostExplanation{};
    cost.reportedUsd = result.response.reportedCostUsd;
    recordCallResult(span, result, cost);
    result.exchange.spanId = span.spanId;
    run.trace.trace().exchanges.push_back(std::move(result.exchange));
    run.result.simulated = run.result.simulated || provider->simulated();
    run.result.response = std::move(result.response);
    run.result.error = result.error;
    run.result.cost = cost.breakdown;
    if (result.firstChunkAt)
        run.result.ttftMs = nsToMs(*result.firstChunkAt - run.root.start);
    run.trace.end(span, result.error ? SpanStatus::Error : SpanStatus::Ok, result.error.message);
    // A stream that failed after its first token is not retried: the caller already has the text.
    return !result.error || !result.error.retryable() || result.firstChunkAt.has_value();
}

void Pipeline::guardOutput(Run& run)
{
    if (!outputGuard_)
        return runGuard(run, "guard.output", "none", {});
    runGuard(run, "guard.output", outputGuard_->policyName(),
             [&](Span& span) { return outputGuard_->check(run.request, run.result.response, span); });
}

void Pipeline::storeCache(Run& run)
{
    Span& span = run.trace.begin("cache.store", run.root.spanId);
    span.attributes.insert_or_assign(std::string(attr::kStage), std::string("cache.store"));
    span.attributes.insert_or_assign("tokenscope.cache.layer", cache_ ? cache_->layerName() : std::string("none"));
    if (cache_)
        cache_->store(run.request, run.result.response, span);
    run.trace.end(span);
}

} // namespace ts
