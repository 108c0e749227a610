#pragma once
#include "gateway/gateway_config.h"
#include "gateway/governor.h"
#include "gateway/pipeline.h"
#include "providers/embedder.h"

#include <functional>
#include <memory>
#include <string>
#include <variant>

namespace ts {

// The composition root of the engine (above gateway, cache and guard, which know nothing of each
// other's wiring). Puts a gateway config to work on a pipeline: its routes and tiers (PolicyRouter), a fresh
// governor (breakers, rate limits, budgets) whose least-latency figures the router reads, and the
// response caches when the config enables them, and the guard policy of its "guard" section. Returns the governor, for status panels. A null
// config goes back to direct routing with no governor and no cache.
//
// The cache lives in the workspace at `workspacePath` (the file the pipeline's traces go to); without
// a path it stays off. Throws WorkspaceError when the enabled cache cannot open that workspace.
// A semantic cache on a provider's embeddings asks `embedders` for it (provider id, model): the
// embedder, or why there is none.
using EmbedderLookup =
    std::function<std::variant<std::shared_ptr<Embedder>, std::string>(const std::string& provider, const std::string& model)>;

// Throws std::invalid_argument when the semantic cache's embedder cannot be had; nothing has changed then.
std::shared_ptr<Governor> applyGatewayConfig(Pipeline& pipeline, std::shared_ptr<const GatewayConfig> config,
                                             const std::string& workspacePath = {},
                                             const EmbedderLookup& embedders = {});

} // namespace ts
