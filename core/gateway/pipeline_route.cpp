// The route stage: the router's plan tried deployment by deployment, each attempt through the
// governor (breakers, rate limits, budgets) when there is one. Every attempt is a span.
#include "gateway/call_span.h"
#include "gateway/governor.h"
#include "gateway/pipeline_run.h"
#include "model/attributes.h"
#include "providers/error_category.h"
#include "tokens/model_tokens.h"

#include <algorithm>

namespace ts {

namespace {

constexpr Nanos kBackoffBase = 500 * kNsPerMs;
constexpr Nanos kBackoffCap = 8 * kNsPerSec;
constexpr std::int64_t kMaxRetryAfterMs = 120'000;
// A local rate limit that frees up this soon is waited for; a longer wait moves on.
constexpr Nanos kMaxLocalWait = 1 * kNsPerSec;

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

// The governor's refusal as the error the caller sees when no deployment could be tried.
ProviderError refusalError(const Governor::Pass& pass, Nanos now)
{
    ProviderError e;
    e.kind = ProviderError::Kind::Http;
    e.message = pass.message;
    if (pass.retryAt > now)
        e.retryAfterMs = (pass.retryAt - now + kNsPerMs - 1) / kNsPerMs;
    switch (pass.refusal) {
    case Governor::Pass::Refusal::OverBudget:
        e.httpStatus = 429;
        e.type = "insufficient_quota"; // waiting for the reset, not retrying, is what helps
        e.code = "budget_exceeded";
        break;
    case Governor::Pass::Refusal::RateLimited:
        e.httpStatus = 429;
        e.type = "rate_limit_exceeded";
        e.code = "gateway_rate_limit";
        break;
    default:
        e.httpStatus = 503;
        e.type = "overloaded_error";
        e.code = "circuit_open";
        break;
    }
    return e;
}

std::string_view refusalName(Governor::Pass::Refusal r)
{
    switch (r) {
    case Governor::Pass::Refusal::CircuitOpen: return "circuit_open";
    case Governor::Pass::Refusal::RateLimited: return "rate_limited";
    case Governor::Pass::Refusal::OverBudget: return "over_budget";
    default: return "";
    }
}

bool listed(const std::vector<ErrorCategory>& list, ErrorCategory c)
{
    return std::find(list.begin(), list.end(), c) != list.end();
}

// Saturation says nothing about the next deployment: with one left, go there now rather than wait.
bool moveOnAtOnce(ErrorCategory c)
{
    return c == ErrorCategory::RateLimited || c == ErrorCategory::Overloaded || c == ErrorCategory::QuotaExceeded ||
           c == ErrorCategory::DailyQuotaExhausted || c == ErrorCategory::ContextTooLong;
}

RequestParty partyOf(const ChatRequest& request)
{
    return {request.meta.apiKeyName, request.meta.user, request.meta.project, request.meta.tags};
}

} // namespace

void Pipeline::route(Run& run)
{
    const RoutePlan plan = run.router->plan(run.request);
    Span& span = run.trace.begin("route " + plan.name, run.root.spanId);
    span.attributes.insert_or_assign(std::string(attr::kStage), std::string("route"));
    span.attributes.insert_or_assign(std::string(attr::kRoute), plan.name);
    span.attributes.insert_or_assign("tokenscope.route.strategy", plan.strategy);
    if (!plan.tier.empty())
        span.attributes.insert_or_assign("tokenscope.route.tier", plan.tier);
    std::vector<Deployment> order = plan.deployments;
    const auto catalog = this->catalog();
    Clock& clock = run.trace.clock();
    int attemptNo = 0;
    std::optional<ProviderError> refused; // why nothing could be tried, while nothing has been
    std::string skipped;                  // deployments the governor turned away, for the span
    bool done = false;
    bool contextFallbackAdded = false;
    // Whether an error moves on to the next deployment: the route's list, else any retryable
    // error; a prompt too long always may when the route names a larger-context model.
    auto mayFallBack = [&](ErrorCategory c) {
        if (c == ErrorCategory::ContextTooLong && plan.contextFallback)
            return true;
        return plan.fallbackOn.empty() ? run.result.error.retryable() : listed(plan.fallbackOn, c);
    };
    for (size_t d = 0; d < order.size() && !done; ++d) {
        const Deployment deployment = order[d];
        bool triedHere = false;
        for (int tryNo = 0; tryNo < plan.maxAttemptsPerDeployment && !done; ++tryNo) {
            if (tryNo > 0) {
                const Nanos wait = backoff(run.result.error, attemptNo, run.rng);
                if (!clock.sleepUntil(clock.now() + wait, run.options.cancel)) {
                    run.result.error = {ProviderError::Kind::Cancelled, 0, std::nullopt, "cancelled", {}, "cancelled"};
                    done = true;
                    break;
                }
            }
            Governor::Pass pass;
            if (run.governor) {
                ChatRequest priced = run.request;
                priced.model = deployment.model;
                const RequestEstimate estimate =
                    estimateRequest(priced, catalog->find(deployment.model, deployment.provider));
                pass = run.governor->admit(deployment, partyOf(run.request), estimate, clock.now());
                if (pass.refusal == Governor::Pass::Refusal::RateLimited && pass.retryAt - clock.now() <= kMaxLocalWait &&
                    clock.sleepUntil(pass.retryAt, run.options.cancel))
                    pass = run.governor->admit(deployment, partyOf(run.request), estimate, clock.now());
                if (!pass.allowed()) {
                    skipped += (skipped.empty() ? "" : "; ") + std::string(refusalName(pass.refusal)) + ": " + pass.message;
                    if (attemptNo == 0 || refused)
                        refused = refusalError(pass, clock.now());
                    break; // the next deployment
                }
            }
            const Attempted a = attempt(run, deployment, ++attemptNo, span);
            triedHere = true;
            refused.reset();
            const ErrorCategory category = categorize(run.result.error);
            if (run.governor)
                run.governor->finish(pass, {!run.result.error, category, a.tokens, a.costUsd, a.latencyMs}, clock.now());
            if (!run.result.error || a.streamed || category == ErrorCategory::Cancelled) {
                done = true; // success, or text already reached the caller: report what arrived
                break;
            }
            const bool fallbackAllowed = mayFallBack(category);
            const bool anotherDeployment = d + 1 < order.size() || (category == ErrorCategory::ContextTooLong &&
                                                                    plan.contextFallback && !contextFallbackAdded);
            if (!run.result.error.retryable() || (anotherDeployment && fallbackAllowed && moveOnAtOnce(category))) {
                if (!fallbackAllowed)
                    done = true; // an error no other deployment fixes: bad request, auth, ...
                break;
            }
        }
        // Retries spent on this deployment: the next one only for an error the route falls back on.
        if (!done && triedHere && run.result.error && !mayFallBack(categorize(run.result.error)))
            done = true;
        if (!done && d + 1 == order.size() && plan.contextFallback && !contextFallbackAdded &&
            categorize(run.result.error) == ErrorCategory::ContextTooLong) {
            order.push_back(*plan.contextFallback); // a model with a larger window
            contextFallbackAdded = true;
        }
    }
    if (refused)
        run.result.error = *refused;
    if (!skipped.empty())
        span.attributes.insert_or_assign("tokenscope.route.skipped", skipped);
    span.attributes.insert_or_assign("tokenscope.route.attempts", std::int64_t{attemptNo});
    run.trace.end(span, run.result.error ? SpanStatus::Error : SpanStatus::Ok, run.result.error.message);
}

// One call to one deployment.
Pipeline::Attempted Pipeline::attempt(Run& run, const Deployment& deployment, int attemptNo, Span& routeSpan)
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
        return {};
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
    Attempted a;
    a.streamed = result.firstChunkAt.has_value();
    a.tokens = result.response.usage.totalTokens();
    a.costUsd = cost.breakdown.total();
    if (result.firstChunkAt)
        a.latencyMs = nsToMs(*result.firstChunkAt - result.startedAt);
    else if (result.finishedAt > result.startedAt)
        a.latencyMs = nsToMs(result.finishedAt - result.startedAt);
    run.result.simulated = run.result.simulated || provider->simulated();
    run.result.response = std::move(result.response);
    run.result.error = result.error;
    run.result.cost = cost.breakdown;
    if (result.firstChunkAt)
        run.result.ttftMs = nsToMs(*result.firstChunkAt - run.root.start);
    run.trace.end(span, result.error ? SpanStatus::Error : SpanStatus::Ok, result.error.message);
    return a;
}

} // namespace ts
