#pragma once
#include "gateway/stages.h"

#include <map>
#include <string>

namespace ts {

// Named routes: a request whose model names a route goes to that route's deployments in order
// (primary, then fallbacks); any other request goes straight to the model it names.
class TableRouter final : public Router
{
public:
    void addRoute(RoutePlan plan) { routes_[plan.name] = std::move(plan); }
    RoutePlan plan(const ChatRequest& request) const override;

private:
    std::map<std::string, RoutePlan, std::less<>> routes_;
    DirectRouter direct_;
};

} // namespace ts
