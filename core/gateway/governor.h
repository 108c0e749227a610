#pragma once
#include "gateway/budget_ledger.h"
#include "gateway/circuit_breaker.h"
#include "gateway/gateway_config.h"
#include "gateway/latency_tracker.h"
#include "gateway/rate_limiter.h"
#include "gateway/request_estimate.h"
#include "gateway/stages.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ts {

// Who pays for a request and whose limits it counts under: the virtual key it came with, its user,
// project and tags. Budgets and per-key rate limits are looked up from these.
struct RequestParty
{
    std::string keyName; // a virtual key's name; "" without one
    std::string user;
    std::string project;
    std::vector<std::string> tags;

    std::vector<BudgetScope> scopes() const;
};

// The gate every attempt passes: the deployment's circuit breaker, the deployment's and the key's
// rate limits, and the budgets the request falls under. A pass holds what it took (a probe slot,
// rate-limit tokens, budget money) until finish() settles it with what the attempt really used.
class Governor
{
public:
    explicit Governor(std::shared_ptr<const GatewayConfig> config);

    struct Pass
    {
        enum class Refusal { None, CircuitOpen, RateLimited, OverBudget };
        Refusal refusal = Refusal::None;
        std::string message; // refused: why, in words
        Nanos retryAt = 0;   // refused for a breaker or a limit: when it may go
        std::string deployment;
        std::vector<RateLimiter::Charge> charges;
        std::optional<BudgetLedger::Reservation> reservation;
        bool allowed() const { return refusal == Refusal::None; }
    };
    Pass admit(const Deployment& deployment, const RequestParty& party, const RequestEstimate& estimate, Nanos now);

    struct Outcome
    {
        bool ok = false;
        ErrorCategory category = ErrorCategory::None;
        std::int64_t tokens = 0; // input + output, as reported or counted
        double costUsd = 0;
        std::optional<double> latencyMs; // time to first token, or the whole call
    };
    // Settles an allowed pass; a refused one holds nothing and needs no finish.
    void finish(Pass& pass, const Outcome& outcome, Nanos now);

    // Whether an error says the deployment is unhealthy (counts toward opening its breaker).
    static bool healthFailure(ErrorCategory category);

    CircuitBreakers& breakers() { return breakers_; }
    RateLimiter& limiter() { return limiter_; }
    BudgetLedger& ledger() { return ledger_; }
    LatencyTracker& latency() { return *latency_; }
    std::shared_ptr<LatencyTracker> latencyShared() const { return latency_; }
    const GatewayConfig& config() const { return *config_; }

private:
    std::shared_ptr<const GatewayConfig> config_;
    CircuitBreakers breakers_;
    RateLimiter limiter_;
    BudgetLedger ledger_;
    std::shared_ptr<LatencyTracker> latency_;
};

} // namespace ts
