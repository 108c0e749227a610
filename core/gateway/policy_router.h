#pragma once
#include "catalog/catalog.h"
#include "gateway/gateway_config.h"
#include "gateway/latency_tracker.h"
#include "gateway/stages.h"

#include <memory>
#include <mutex>
#include <random>

namespace ts {

// Routes from a gateway config. A request whose model names a route is first checked against
// that route's tier rules (the first that matches sends it to a cheaper route), then the route's
// deployments are ordered by its strategy:
//   priority      as listed: the first is primary, the rest fallbacks in order;
//   weighted      the primary drawn at random by weight, the rest by weight, heaviest first;
//   least-latency by recent time to first token, unmeasured ones first so they get measured;
//   cheapest      by what this request would typically cost on each (unpriced ones last).
// Any other model goes straight to the provider and model the request names.
class PolicyRouter final : public Router
{
public:
    PolicyRouter(std::shared_ptr<const GatewayConfig> config, std::shared_ptr<LatencyTracker> latency,
                 std::shared_ptr<const Catalog> catalog = nullptr, std::uint64_t seed = std::random_device{}());

    RoutePlan plan(const ChatRequest& request) const override;
    const GatewayConfig& config() const { return *config_; }

private:
    const RouteConfig* tierFor(const RouteConfig& route, const ChatRequest& request, std::string& why) const;
    std::vector<DeploymentConfig> order(const RouteConfig& route, const ChatRequest& request) const;
    std::shared_ptr<const Catalog> catalog() const { return catalog_ ? catalog_ : Catalog::current(); }

    std::shared_ptr<const GatewayConfig> config_;
    std::shared_ptr<LatencyTracker> latency_;
    std::shared_ptr<const Catalog> catalog_;
    mutable std::mutex rngMutex_;
    mutable std::mt19937_64 rng_;
    DirectRouter direct_;
};

} // namespace ts
