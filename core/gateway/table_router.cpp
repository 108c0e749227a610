#include "gateway/table_router.h"

namespace ts {

RoutePlan TableRouter::plan(const ChatRequest& request) const
{
    auto it = routes_.find(request.model);
    if (it == routes_.end())
        return direct_.plan(request);
    RoutePlan plan = it->second;
    for (Deployment& d : plan.deployments)
        if (d.provider.empty())
            d.provider = request.provider;
    return plan;
}

} // namespace ts
