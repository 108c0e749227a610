#include "gateway/pipeline.h"

#include "gateway/call_span.h"
#include "gateway/pipeline_run.h"
#include "model/attributes.h"

#include <algorithm>
#include <random>

namespace ts {



Pipeline::Pipeline(std::shared_ptr<ProviderRegistry> providers, TraceSink sink, std::shared_ptr<const Catalog> catalog)
    : providers_(std::move(providers)), sink_(std::move(sink)), catalog_(std::move(catalog)),
      router_(std::make_shared<DirectRouter>())
{
}

void Pipeline::setRouter(std::shared_ptr<Router> router)
{
    std::lock_guard lock(swapMutex_);
    router_ = router ? std::move(router) : std::make_shared<DirectRouter>();
}

void Pipeline::setGovernor(std::shared_ptr<Governor> governor)
{
    std::lock_guard lock(swapMutex_);
    governor_ = std::move(governor);
}

std::shared_ptr<Governor> Pipeline::governor() const
{
    std::lock_guard lock(swapMutex_);
    return governor_;
}

void Pipeline::setProviders(std::shared_ptr<ProviderRegistry> providers)
{
    std::lock_guard lock(swapMutex_);
    retired_.push_back(std::move(providers_));
    providers_ = std::move(providers);
}

std::shared_ptr<const ProviderRegistry> Pipeline::providerRegistry() const
{
    std::lock_guard lock(swapMutex_);
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
            {}, {}, {}};
    {
        std::lock_guard lock(swapMutex_); // what this run uses, whatever is swapped while it runs
        run.providers = providers_;
        run.router = router_;
        run.governor = governor_;
    }
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
