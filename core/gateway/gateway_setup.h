#pragma once
#include "gateway/gateway_config.h"
#include "gateway/governor.h"
#include "gateway/pipeline.h"

#include <memory>

namespace ts {

// Puts a gateway config to work on a pipeline: its routes and tiers (PolicyRouter) and a fresh
// governor (breakers, rate limits, budgets) whose least-latency figures the router reads. Returns
// the governor, for status panels. A null config goes back to direct routing with no governor.
std::shared_ptr<Governor> applyGatewayConfig(Pipeline& pipeline, std::shared_ptr<const GatewayConfig> config);

} // namespace ts
