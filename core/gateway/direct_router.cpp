#include "gateway/stages.h"

namespace ts {

RoutePlan DirectRouter::plan(const ChatRequest& request) const
{
    RoutePlan plan;
    plan.deployments.push_back({request.provider, request.model});
    return plan;
}

} // namespace ts
