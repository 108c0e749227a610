#include "gateway/gateway_setup.h"

#include "cache/exact_cache.h"
#include "gateway/policy_router.h"

namespace ts {

namespace {

// The pipeline's exact cache when it already is the one wanted (its connections are kept), else a
// new one; null when the config leaves it off.
std::shared_ptr<ResponseCache> exactCacheFor(const Pipeline& pipeline, const cache::ExactCacheConfig& config,
                                             const std::string& workspacePath)
{
    if (!config.enabled || workspacePath.empty())
        return nullptr;
    std::shared_ptr<ResponseCache> current = pipeline.cache();
    if (auto* exact = dynamic_cast<cache::ExactCache*>(current.get());
        exact && exact->path() == workspacePath && exact->config() == config)
        return current;
    return cache::ExactCache::open(workspacePath, config);
}

} // namespace

std::shared_ptr<Governor> applyGatewayConfig(Pipeline& pipeline, std::shared_ptr<const GatewayConfig> config,
                                             const std::string& workspacePath)
{
    if (!config) {
        pipeline.setRouter(nullptr);
        pipeline.setGovernor(nullptr);
        pipeline.setCache(nullptr);
        return nullptr;
    }
    auto cache = exactCacheFor(pipeline, config->exactCache, workspacePath); // may throw: before any change
    auto governor = std::make_shared<Governor>(config);
    pipeline.setRouter(std::make_shared<PolicyRouter>(config, governor->latencyShared()));
    pipeline.setGovernor(governor);
    pipeline.setCache(std::move(cache));
    return governor;
}

} // namespace ts
