#include "gateway/governor.h"

#include <algorithm>
#include <cstdio>

namespace ts {

namespace {

std::string keyLimitId(const std::string& keyName) { return "key:" + keyName; }

std::string inSeconds(Nanos from, Nanos to)
{
    const double s = static_cast<double>(std::max<Nanos>(0, to - from)) / static_cast<double>(kNsPerSec);
    char buf[32];
    std::snprintf(buf, sizeof buf, s < 10 ? "%.1f s" : "%.0f s", s);
    return buf;
}

} // namespace

std::vector<BudgetScope> RequestParty::scopes() const
{
    std::vector<BudgetScope> out;
    if (!keyName.empty())
        out.push_back({"key", keyName});
    if (!user.empty())
        out.push_back({"user", user});
    if (!project.empty())
        out.push_back({"project", project});
    for (const std::string& t : tags)
        out.push_back({"tag", t});
    return out;
}

Governor::Governor(std::shared_ptr<const GatewayConfig> config)
    : config_(std::move(config)), breakers_(config_->breaker), latency_(std::make_shared<LatencyTracker>())
{
    for (const RouteConfig& r : config_->routes)
        for (const DeploymentConfig& d : r.deployments)
            if (d.limit.requestsPerMinute > 0 || d.limit.tokensPerMinute > 0)
                limiter_.setLimit(d.key(), d.limit);
    for (const VirtualKey& k : config_->keys)
        if (k.limit.requestsPerMinute > 0 || k.limit.tokensPerMinute > 0)
            limiter_.setLimit(keyLimitId(k.name), k.limit);
    ledger_.setBudgets(config_->budgets);
}

bool Governor::healthFailure(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::RateLimited:
    case ErrorCategory::QuotaExceeded:
    case ErrorCategory::Overloaded:
    case ErrorCategory::Server:
    case ErrorCategory::Timeout:
    case ErrorCategory::Network:
    case ErrorCategory::MalformedStream:
        return true;
    default:
        return false;
    }
}

Governor::Pass Governor::admit(const Deployment& deployment, const RequestParty& party, const RequestEstimate& estimate,
                               Nanos now)
{
    Pass pass;
    pass.deployment = deployment.provider + "/" + deployment.model;
    const auto gate = breakers_.admit(pass.deployment, now);
    if (!gate.allowed) {
        pass.refusal = Pass::Refusal::CircuitOpen;
        pass.retryAt = gate.retryAt;
        pass.message = pass.deployment + " is failing: its circuit breaker is " + std::string(breakerStateName(gate.state))
                       + ", next try in " + inSeconds(now, gate.retryAt);
        return pass;
    }
    pass.charges.push_back({pass.deployment, estimate.inputTokens + estimate.maxOutputTokens});
    if (!party.keyName.empty())
        pass.charges.push_back({keyLimitId(party.keyName), estimate.inputTokens + estimate.maxOutputTokens});
    if (const auto limit = limiter_.acquire(pass.charges, now); !limit.allowed) {
        breakers_.abandon(pass.deployment);
        pass.refusal = Pass::Refusal::RateLimited;
        pass.retryAt = limit.retryAt;
        pass.message = (limit.key.starts_with("key:") ? "key " + limit.key.substr(4) : limit.key) + " is over its "
                       + limit.limit + "-per-minute limit; next in " + inSeconds(now, limit.retryAt);
        pass.charges.clear();
        return pass;
    }
    auto held = ledger_.reserve(party.scopes(), estimate.worstCaseUsd, now);
    if (auto* refusal = std::get_if<BudgetLedger::Refusal>(&held)) {
        breakers_.abandon(pass.deployment);
        limiter_.release(pass.charges, now);
        pass.charges.clear();
        pass.refusal = Pass::Refusal::OverBudget;
        pass.retryAt = refusal->resetsAt;
        pass.message = "over budget: " + refusal->describe();
        return pass;
    }
    pass.reservation = std::get<BudgetLedger::Reservation>(held);
    return pass;
}

void Governor::finish(Pass& pass, const Outcome& outcome, Nanos now)
{
    if (!pass.allowed())
        return;
    if (outcome.category == ErrorCategory::Cancelled)
        breakers_.abandon(pass.deployment);
    else
        breakers_.record(pass.deployment, outcome.ok || !healthFailure(outcome.category), now);
    for (const auto& c : pass.charges)
        limiter_.settle(c, outcome.tokens, now);
    pass.charges.clear();
    if (pass.reservation) {
        ledger_.settle(*pass.reservation, outcome.costUsd);
        pass.reservation.reset();
    }
    if (outcome.ok && outcome.latencyMs)
        latency_->record(pass.deployment, *outcome.latencyMs);
    else if (!outcome.ok && healthFailure(outcome.category))
        latency_->recordFailure(pass.deployment);
}

} // namespace ts
