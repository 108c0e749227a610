#include "gateway/policy_router.h"

#include "gateway/difficulty.h"
#include "gateway/request_estimate.h"
#include "tokens/model_tokens.h"

#include <algorithm>

namespace ts {

namespace {

bool hasAnyTag(const ChatRequest& request, const std::vector<std::string>& tags)
{
    for (const std::string& t : tags)
        if (std::find(request.meta.tags.begin(), request.meta.tags.end(), t) != request.meta.tags.end())
            return true;
    return false;
}

} // namespace

PolicyRouter::PolicyRouter(std::shared_ptr<const GatewayConfig> config, std::shared_ptr<LatencyTracker> latency,
                           std::shared_ptr<const Catalog> catalog, std::uint64_t seed)
    : config_(std::move(config)), latency_(std::move(latency)), catalog_(std::move(catalog)), rng_(seed)
{
}

const RouteConfig* PolicyRouter::tierFor(const RouteConfig& route, const ChatRequest& request, std::string& why) const
{
    std::optional<std::int64_t> tokens; // counted once, only if a rule asks
    auto inputTokens = [&] {
        if (!tokens)
            tokens = ModelTokenCounter::forModel(route.deployments.front().model).countChat(request.messages, request.tools).tokens;
        return *tokens;
    };
    for (const TierRule& rule : config_->tiers) {
        if (rule.route != route.name)
            continue;
        std::string reasons;
        if (rule.maxInputTokens) {
            if (inputTokens() > *rule.maxInputTokens)
                continue;
            reasons += std::to_string(inputTokens()) + " input tokens <= " + std::to_string(*rule.maxInputTokens);
        }
        if (!rule.tagsAny.empty()) {
            if (!hasAnyTag(request, rule.tagsAny))
                continue;
            reasons += std::string(reasons.empty() ? "" : ", ") + "tagged";
        }
        if (rule.difficulty) {
            const Difficulty d = classifyDifficulty(request, inputTokens());
            if (d.hard != (*rule.difficulty == "hard"))
                continue;
            reasons += std::string(reasons.empty() ? "" : ", ") + (d.hard ? "hard: " + d.reasons : std::string("easy"));
        }
        if (const RouteConfig* to = config_->route(rule.to)) {
            why = route.name + " -> " + to->name + " (" + reasons + ")";
            return to;
        }
    }
    return nullptr;
}

std::vector<DeploymentConfig> PolicyRouter::order(const RouteConfig& route, const ChatRequest& request) const
{
    std::vector<DeploymentConfig> out = route.deployments;
    switch (route.strategy) {
    case RouteStrategy::Priority:
        break;
    case RouteStrategy::Weighted: {
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
        double total = 0;
        for (const auto& d : out)
            total += d.weight;
        double pick = 0;
        {
            std::lock_guard lock(rngMutex_);
            pick = std::uniform_real_distribution<double>(0, total)(rng_);
        }
        size_t chosen = 0;
        for (; chosen + 1 < out.size() && pick >= out[chosen].weight; ++chosen)
            pick -= out[chosen].weight;
        std::rotate(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(chosen), out.begin() + static_cast<std::ptrdiff_t>(chosen) + 1);
        break;
    }
    case RouteStrategy::LeastLatency:
        std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
            return latency_->average(a.key()).value_or(-1) < latency_->average(b.key()).value_or(-1);
        });
        break;
    case RouteStrategy::Cheapest: {
        const auto cat = catalog();
        std::vector<std::pair<double, DeploymentConfig>> priced;
        for (auto& d : out) {
            const ModelInfo* m = cat->find(d.model, d.provider);
            ChatRequest r = request;
            r.model = d.model;
            const RequestEstimate e = estimateRequest(r, m);
            priced.emplace_back(e.priced ? e.typicalUsd : 1e300, std::move(d));
        }
        std::stable_sort(priced.begin(), priced.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        out.clear();
        for (auto& [cost, d] : priced)
            out.push_back(std::move(d));
        break;
    }
    }
    return out;
}

RoutePlan PolicyRouter::plan(const ChatRequest& request) const
{
    const RouteConfig* route = config_->route(request.model);
    if (!route)
        return direct_.plan(request);
    RoutePlan plan;
    if (const RouteConfig* tier = tierFor(*route, request, plan.tier))
        route = tier;
    plan.name = route->name;
    plan.strategy = std::string(strategyName(route->strategy));
    plan.maxAttemptsPerDeployment = route->attemptsPerDeployment;
    plan.fallbackOn = route->fallbackOn;
    for (const DeploymentConfig& d : order(*route, request))
        plan.deployments.push_back({d.provider, d.model});
    if (route->contextFallback)
        plan.contextFallback = Deployment{route->contextFallback->provider, route->contextFallback->model};
    return plan;
}

} // namespace ts
