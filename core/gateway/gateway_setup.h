#pragma once
#include "gateway/gateway_config.h"
#include "gateway/governor.h"
#include "gateway/pipeline.h"

#include <memory>
#include <string>

namespace ts {

// Puts a gateway config to work on a pipeline: its routes and tiers (PolicyRouter), a fresh
// governor (breakers, rate limits, budgets) whose least-latency figures the router reads, and the
// exact response cache when the config enables it. Returns the governor, for status panels. A null
// config goes back to direct routing with no governor and no cache.
//
// The cache lives in the workspace at `workspacePath` (the file the pipeline's traces go to); without
// a path it stays off. Throws WorkspaceError when the enabled cache cannot open that workspace.
std::shared_ptr<Governor> applyGatewayConfig(Pipeline& pipeline, std::shared_ptr<const GatewayConfig> config,
                                             const std::string& workspacePath = {});

} // namespace ts
