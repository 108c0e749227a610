#include "gateway/gateway_setup.h"

#include "gateway/policy_router.h"

namespace ts {

std::shared_ptr<Governor> applyGatewayConfig(Pipeline& pipeline, std::shared_ptr<const GatewayConfig> config)
{
    if (!config) {
        pipeline.setRouter(nullptr);
        pipeline.setGovernor(nullptr);
        return nullptr;
    }
    auto governor = std::make_shared<Governor>(config);
    pipeline.setRouter(std::make_shared<PolicyRouter>(config, governor->latencyShared()));
    pipeline.setGovernor(governor);
    return governor;
}

} // namespace ts
