#pragma once
#include "gateway/exact_cache_config.h"
#include "guard/policy.h"
#include "gateway/budget_ledger.h"
#include "gateway/circuit_breaker.h"
#include "gateway/rate_limiter.h"
#include "providers/error_category.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ts {

enum class RouteStrategy { Priority, Weighted, LeastLatency, Cheapest };
std::string_view strategyName(RouteStrategy strategy); // "priority", "weighted", "least-latency", "cheapest"

struct DeploymentConfig
{
    std::string provider;
    std::string model;
    double weight = 1;
    RateLimit limit; // per deployment; 0: none

    std::string key() const { return provider + "/" + model; } // breaker and limiter key
};

// A name clients send as the model ("chat", "summarise"), and the deployments that serve it.
struct RouteConfig
{
    std::string name;
    RouteStrategy strategy = RouteStrategy::Priority;
    std::vector<DeploymentConfig> deployments;
    int attemptsPerDeployment = 2; // the first try plus retries
    // Error categories that move on to the next deployment; others fail the request at once.
    std::vector<ErrorCategory> fallbackOn{ErrorCategory::RateLimited, ErrorCategory::Overloaded,
                                          ErrorCategory::Server,      ErrorCategory::Timeout,
                                          ErrorCategory::Network,     ErrorCategory::MalformedStream,
                                          ErrorCategory::ContextTooLong};
    // Where a prompt too long for every deployment goes (a larger-context model); empty: none.
    std::optional<DeploymentConfig> contextFallback;
};

// Sends easy requests for `route` to a cheaper `to` route when every condition given holds.
struct TierRule
{
    std::string route;
    std::string to;
    std::optional<std::int64_t> maxInputTokens;
    std::vector<std::string> tagsAny;  // any of these tags
    std::optional<std::string> difficulty; // "easy" or "hard", from the cheap classifier
};

// A key the gateway hands to its own clients; upstream keys never leave the gateway.
struct VirtualKey
{
    std::string name;   // who it is: "team-search"; budgets with scope kind "key" name it
    std::string secret; // what the client presents
    std::string project;
    RateLimit limit;
};

// The semantic cache as the config asks for it (cache/semantic_cache.h has the engine).
struct SemanticCacheSettings
{
    bool enabled = false;
    std::string embedder = "lexical"; // the built-in local embedder, or a provider's id
    std::string embeddingModel;       // the model a provider embedder runs
    std::optional<float> threshold;   // none: the embedder's measured default
    Nanos ttl = 24 * 3600 * kNsPerSec; // 0: never expire
    bool shareAcrossUsers = false;
    std::size_t maxEntriesPerScope = 100'000;

    bool operator==(const SemanticCacheSettings&) const = default;
};

struct GatewayConfig
{
    std::vector<RouteConfig> routes;
    std::vector<TierRule> tiers;
    std::vector<Budget> budgets;
    std::vector<VirtualKey> keys;
    BreakerConfig breaker;
    cache::ExactCacheConfig exactCache;  // "cache": {"exact": {...}}; off unless enabled
    SemanticCacheSettings semanticCache; // "cache": {"semantic": {...}}; off unless enabled
    std::optional<guard::Policy> guard;  // "guard": a guard policy (guard/policy.h); none when absent

    const RouteConfig* route(std::string_view name) const;
    const VirtualKey* keyForSecret(std::string_view secret) const; // constant-time compare
};

struct GatewayConfigResult
{
    GatewayConfig config;
    // Every problem, with where it is: "routes[1].deployments[0].weight: must be above 0".
    // A config with errors is not used.
    std::vector<std::string> errors;
    bool ok() const { return errors.empty(); }
};

GatewayConfigResult parseGatewayConfig(std::string_view jsonText);
GatewayConfigResult loadGatewayConfig(const std::string& path); // errors name the file

// Where the user's gateway config lives: TOKENSCOPE_GATEWAY_CONFIG, else
// $XDG_CONFIG_HOME/tokenscope/gateway.json (~/.config/... without it); "" with no home at all.
std::string gatewayConfigPath();

} // namespace ts
