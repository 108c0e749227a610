#include "gateway/pipeline.h"

#include "gateway/call_span.h"
#include "gateway/guarded_stream.h"
#include "gateway/pipeline_run.h"
#include "model/attributes.h"
#include "model/span_note.h"

#include <algorithm>
#include <random>

namespace ts {

namespace {

// Passes the stream on to `onText`, noting each piece's size and time from the first, so that a
// cache can later replay it as it came.
std::function<bool(std::string_view, Nanos)> timedText(std::function<bool(std::string_view, Nanos)> onText,
                                                       std::vector<TextDelta>& deltas)
{
    return [onText = std::move(onText), &deltas, first = std::optional<Nanos>()](std::string_view delta,
                                                                                 Nanos at) mutable {
        first = first.value_or(at);
        deltas.push_back({at - *first, delta.size()});
        return onText(delta, at);
    };
}

// The replayed pieces: the recorded ones when they cover the text, else the text in one piece.
std::vector<TextDelta> replayPieces(const CachedAnswer& answer)
{
    std::size_t total = 0;
    for (const TextDelta& d : answer.deltas)
        total += d.bytes;
    if (answer.deltas.empty() || total != answer.response.text.size())
        return {{0, answer.response.text.size()}};
    return answer.deltas;
}

} // namespace

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

void Pipeline::setGuards(std::shared_ptr<InputGuard> input, std::shared_ptr<OutputGuard> output)
{
    std::lock_guard lock(swapMutex_);
    inputGuard_ = std::move(input);
    outputGuard_ = std::move(output);
}

void Pipeline::setProviders(std::shared_ptr<ProviderRegistry> providers)
{
    std::lock_guard lock(swapMutex_);
    retired_.push_back(std::move(providers_));
    providers_ = std::move(providers);
}

void Pipeline::setCache(std::shared_ptr<ResponseCache> cache)
{
    std::lock_guard lock(swapMutex_);
    cache_ = std::move(cache);
}

std::shared_ptr<ResponseCache> Pipeline::cache() const
{
    std::lock_guard lock(swapMutex_);
    return cache_;
}

std::shared_ptr<const ProviderRegistry> Pipeline::providerRegistry() const
{
    std::lock_guard lock(swapMutex_);
    return providers_;
}

PipelineResult Pipeline::run(ChatRequest request, const RunOptions& callerOptions)
{
    // What this run uses, taken at once, whatever is swapped while it runs.
    std::shared_ptr<ResponseCache> cache;
    std::shared_ptr<InputGuard> inputGuard;
    std::shared_ptr<OutputGuard> outputGuard;
    std::shared_ptr<const ProviderRegistry> providers;
    std::shared_ptr<Router> router;
    std::shared_ptr<Governor> governor;
    {
        std::lock_guard lock(swapMutex_);
        cache = cache_;
        inputGuard = inputGuard_;
        outputGuard = outputGuard_;
        providers = providers_;
        router = router_;
        governor = governor_;
    }
    std::vector<TextDelta> deltas;
    RunOptions options = callerOptions;
    // Guards sit between the model's text and the caller; the cache records the model's own text.
    std::shared_ptr<GuardedStream> guarded;
    if (options.onText && (inputGuard || outputGuard)) {
        guarded = std::make_shared<GuardedStream>(std::move(options.onText));
        options.onText = [guarded](std::string_view text, Nanos at) { return guarded->piece(text, at); };
    }
    if (cache && options.onText)
        options.onText = timedText(std::move(options.onText), deltas);
    std::optional<TraceBuilder> own;
    if (!options.parent)
        own.emplace(*options.clock, *options.ids);
    TraceBuilder& trace = options.parent ? *options.parent : *own;
    Span& root = trace.begin("chat " + request.model, options.parentSpanId,
                             options.parent ? SpanKind::Internal : SpanKind::Server);
    recordRequestMeta(root, request);
    Run run{std::move(request), options, trace, root, {}, std::mt19937_64(std::hash<std::string>{}(root.spanId)),
            {}, {}, {}, {}, {}, {}, trace.trace().exchanges.size()};
    run.providers = std::move(providers);
    run.router = std::move(router);
    run.governor = std::move(governor);
    run.inputGuard = std::move(inputGuard);
    run.outputGuard = std::move(outputGuard);
    run.result.traceId = trace.traceId();
    run.result.rootSpanId = root.spanId;

    guardInput(run);
    if (guarded && !run.result.error)
        guarded->arm(run.outputGuard ? run.outputGuard->watch(run.request) : nullptr, run.restorer);
    if (!run.result.error && !lookupCache(run, cache.get()))
        route(run);
    if (guarded) // what the watch held back goes out, also when the stream failed after it began
        guarded->finish(trace.clock().now(), !run.result.error);
    if (guarded && guarded->stoppedByGuard())
        run.result.error = {ProviderError::Kind::Config, 0, std::nullopt, "guard_blocked", {}, guarded->reason()};
    // Also a failed or stopped stream's partial answer: the trace must not keep what the policy hides.
    if (!run.result.error || (guarded && guarded->stoppedByGuard()) || !run.result.response.text.empty())
        guardOutput(run);
    if (!run.result.error && !run.result.cacheHit)
        storeCache(run, cache.get(), std::move(deltas));

    if (run.result.simulated)
        note(root, attr::kSimulated, true);
    if (run.result.error) {
        note(root, attr::kErrorType,
             run.result.error.kind == ProviderError::Kind::Cancelled ? std::string("cancelled")
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
    // The trace keeps the placeholders; the caller gets the originals back.
    if (run.restorer) {
        run.result.response.text = run.restorer->restore(run.result.response.text);
        for (ToolCall& call : run.result.response.toolCalls)
            call.arguments = run.restorer->restore(call.arguments);
    }
    return std::move(run.result);
}

// Both guard stages: a span with the policy's name and findings; a block fails the request.
GuardVerdict Pipeline::runGuard(Run& run, const char* stage, const std::string& policy,
                                const std::function<GuardVerdict(Span&)>& check)
{
    Span& span = run.trace.begin(stage, run.root.spanId);
    note(span, attr::kStage, std::string(stage));
    note(span, "tokenscope.guard.policy", policy);
    GuardVerdict verdict = check ? check(span) : GuardVerdict{};
    note(span, attr::kGuardFindings, std::int64_t{verdict.findings});
    if (verdict.restorer)
        run.restorer = std::move(verdict.restorer);
    if (verdict.blocked && !run.result.error)
        run.result.error = {ProviderError::Kind::Config, 0, std::nullopt, "guard_blocked", {}, verdict.reason};
    run.trace.end(span, verdict.blocked ? SpanStatus::Error : SpanStatus::Ok, verdict.reason);
    return verdict;
}

void Pipeline::guardInput(Run& run)
{
    InputGuard* guard = run.inputGuard.get();
    if (!guard) {
        runGuard(run, "guard.input", "none", {});
        return;
    }
    runGuard(run, "guard.input", guard->policyName(), [&](Span& span) { return guard->check(run.request, span); });
}

bool Pipeline::lookupCache(Run& run, ResponseCache* cache)
{
    Span& span = run.trace.begin("cache.lookup", run.root.spanId);
    note(span, attr::kStage, std::string("cache.lookup"));
    note(span, attr::kCacheLayer, cache ? cache->layerName() : std::string("none"));
    std::optional<CachedAnswer> hit = cache ? cache->lookup(run.request, span) : std::nullopt;
    note(span, attr::kCacheHit, hit.has_value());
    if (hit) {
        note(span, attr::kCacheSavedUsd, hit->costUsd);
        note(span, attr::kCacheReplay, std::string(hit->paced && !hit->deltas.empty() ? "paced" : "instant"));
    }
    run.trace.end(span);
    if (!hit)
        return false;
    run.result.cacheHit = true;
    run.result.simulated = hit->simulated;
    replay(run, *hit);
    run.result.response = std::move(hit->response);
    return true;
}

// A hit streams to the caller as the original answer did: piece by piece, paced by the original
// gaps when the cache says so (sleeping on the caller's thread, which a cancel wakes), else at once.
void Pipeline::replay(Run& run, const CachedAnswer& answer)
{
    const std::string& text = answer.response.text;
    if (!run.options.onText || text.empty())
        return;
    Clock& clock = run.trace.clock();
    const Nanos start = clock.now();
    std::size_t at = 0;
    for (const TextDelta& piece : replayPieces(answer)) {
        const bool woke = answer.paced ? clock.sleepUntil(start + piece.offset, run.options.cancel)
                                       : !(run.options.cancel && run.options.cancel->cancelled());
        if (!woke) {
            run.result.error = {ProviderError::Kind::Cancelled, 0, std::nullopt, "cancelled", {}, "cancelled"};
            return;
        }
        const Nanos now = clock.now();
        if (!run.result.ttftMs)
            run.result.ttftMs = nsToMs(now - run.root.start);
        if (!run.options.onText(std::string_view(text).substr(at, piece.bytes), now)) {
            run.result.error = {ProviderError::Kind::Cancelled, 0, std::nullopt, "cancelled", {}, "stopped by the user"};
            return;
        }
        at += piece.bytes;
    }
}

void Pipeline::guardOutput(Run& run)
{
    OutputGuard* guard = run.outputGuard.get();
    if (!guard) {
        runGuard(run, "guard.output", "none", {});
        return;
    }
    const GuardVerdict verdict = runGuard(run, "guard.output", guard->policyName(), [&](Span& span) {
        return guard->check(run.request, run.result.response, span);
    });
    // The raw exchanges hold the model's answer as it came: when the policy rewrote or blocked it,
    // the trace keeps the guarded text only.
    if (!verdict.rewrote && !verdict.blocked)
        return;
    auto& exchanges = run.trace.trace().exchanges;
    for (std::size_t i = run.exchangesBefore; i < exchanges.size(); ++i) {
        exchanges[i].chunks.clear();
        exchanges[i].responseBody =
            "(withheld: the output guard rewrote or stopped this answer; the trace keeps the guarded text)";
    }
}

void Pipeline::storeCache(Run& run, ResponseCache* cache, std::vector<TextDelta> deltas)
{
    Span& span = run.trace.begin("cache.store", run.root.spanId);
    note(span, attr::kStage, std::string("cache.store"));
    note(span, attr::kCacheLayer, cache ? cache->layerName() : std::string("none"));
    if (cache)
        cache->store(run.request,
                     {run.result.response, run.result.cost.total(), std::move(deltas), run.result.simulated, false},
                     span);
    run.trace.end(span);
}

} // namespace ts
