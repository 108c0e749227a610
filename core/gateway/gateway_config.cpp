#include "gateway/gateway_config.h"

#include "gateway/config_reader.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ts {

namespace {

using nlohmann::json;
using config_detail::Reader;
using config_detail::readCache;


std::optional<RouteStrategy> strategyFrom(std::string_view s)
{
    for (RouteStrategy r : {RouteStrategy::Priority, RouteStrategy::Weighted, RouteStrategy::LeastLatency,
                            RouteStrategy::Cheapest})
        if (strategyName(r) == s)
            return r;
    if (s == "fallback")
        return RouteStrategy::Priority;
    return std::nullopt;
}

std::optional<ErrorCategory> categoryFrom(std::string_view s)
{
    for (int i = 0; i <= static_cast<int>(ErrorCategory::Config); ++i)
        if (categoryName(static_cast<ErrorCategory>(i)) == s)
            return static_cast<ErrorCategory>(i);
    return std::nullopt;
}

std::optional<BudgetPeriod> periodFrom(std::string_view s)
{
    if (s == "day" || s == "daily")
        return BudgetPeriod::Day;
    if (s == "month" || s == "monthly")
        return BudgetPeriod::Month;
    return std::nullopt;
}

void readRoutes(Reader& r, const json& list, GatewayConfig& out)
{
    std::set<std::string> names;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string path = "routes[" + std::to_string(i) + "]";
        const json& obj = list[i];
        if (!obj.is_object()) {
            r.fail(path, "expected an object");
            continue;
        }
        r.unknownFields(obj, {"name", "strategy", "deployments", "attempts", "fallback_on", "context_fallback"}, path);
        RouteConfig route;
        route.name = r.get<std::string>(obj, "name", path).value_or("");
        if (route.name.empty())
            r.fail(path + ".name", "missing");
        else if (!names.insert(route.name).second)
            r.fail(path + ".name", "'" + route.name + "' is defined twice");
        if (auto s = r.get<std::string>(obj, "strategy", path)) {
            if (auto strategy = strategyFrom(*s))
                route.strategy = *strategy;
            else
                r.fail(path + ".strategy", "'" + *s + "' is not one of priority, weighted, least-latency, cheapest");
        }
        route.attemptsPerDeployment = r.get<int>(obj, "attempts", path).value_or(2);
        if (route.attemptsPerDeployment < 1 || route.attemptsPerDeployment > 10)
            r.fail(path + ".attempts", "must be 1 to 10");
        if (auto deployments = obj.find("deployments"); deployments != obj.end() && deployments->is_array()) {
            for (size_t d = 0; d < deployments->size(); ++d)
                if (auto dep = r.deployment((*deployments)[d], path + ".deployments[" + std::to_string(d) + "]"))
                    route.deployments.push_back(std::move(*dep));
        }
        if (route.deployments.empty())
            r.fail(path + ".deployments", "needs at least one deployment");
        if (auto fallbackOn = r.get<std::vector<std::string>>(obj, "fallback_on", path)) {
            route.fallbackOn.clear();
            for (const std::string& c : *fallbackOn) {
                if (auto category = categoryFrom(c))
                    route.fallbackOn.push_back(*category);
                else
                    r.fail(path + ".fallback_on", "'" + c + "' is not an error category (rate_limited, overloaded, "
                                                            "server, timeout, network, context_too_long, ...)");
            }
        }
        if (auto it = obj.find("context_fallback"); it != obj.end() && !it->is_null())
            route.contextFallback = r.deployment(*it, path + ".context_fallback");
        out.routes.push_back(std::move(route));
    }
}

void readTiers(Reader& r, const json& list, GatewayConfig& out)
{
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string path = "tiers[" + std::to_string(i) + "]";
        const json& obj = list[i];
        if (!obj.is_object()) {
            r.fail(path, "expected an object");
            continue;
        }
        r.unknownFields(obj, {"route", "to", "max_input_tokens", "tags_any", "difficulty"}, path);
        TierRule t;
        t.route = r.get<std::string>(obj, "route", path).value_or("");
        t.to = r.get<std::string>(obj, "to", path).value_or("");
        t.maxInputTokens = r.get<std::int64_t>(obj, "max_input_tokens", path);
        t.tagsAny = r.get<std::vector<std::string>>(obj, "tags_any", path).value_or(std::vector<std::string>{});
        t.difficulty = r.get<std::string>(obj, "difficulty", path);
        if (t.difficulty && *t.difficulty != "easy" && *t.difficulty != "hard")
            r.fail(path + ".difficulty", "must be easy or hard");
        if (!out.route(t.route))
            r.fail(path + ".route", "no route named '" + t.route + "'");
        if (!out.route(t.to))
            r.fail(path + ".to", "no route named '" + t.to + "'");
        if (!t.maxInputTokens && t.tagsAny.empty() && !t.difficulty)
            r.fail(path, "needs a condition: max_input_tokens, tags_any or difficulty");
        out.tiers.push_back(std::move(t));
    }
}

void readBudgets(Reader& r, const json& list, GatewayConfig& out)
{
    static const std::set<std::string, std::less<>> kinds{"key", "user", "tag", "project"};
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string path = "budgets[" + std::to_string(i) + "]";
        const json& obj = list[i];
        if (!obj.is_object()) {
            r.fail(path, "expected an object");
            continue;
        }
        r.unknownFields(obj, {"scope", "name", "period", "usd"}, path);
        Budget b;
        b.scope.kind = r.get<std::string>(obj, "scope", path).value_or("");
        b.scope.name = r.get<std::string>(obj, "name", path).value_or("");
        if (!kinds.contains(b.scope.kind))
            r.fail(path + ".scope", "must be key, user, tag or project");
        if (b.scope.name.empty())
            r.fail(path + ".name", "missing");
        const std::string period = r.get<std::string>(obj, "period", path).value_or("day");
        if (auto p = periodFrom(period))
            b.period = *p;
        else
            r.fail(path + ".period", "must be day or month");
        b.limitUsd = r.get<double>(obj, "usd", path).value_or(-1);
        if (b.limitUsd < 0)
            r.fail(path + ".usd", "needs a limit in US dollars, 0 or more");
        out.budgets.push_back(std::move(b));
    }
}

void readKeys(Reader& r, const json& list, GatewayConfig& out)
{
    std::set<std::string> names, secrets;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string path = "keys[" + std::to_string(i) + "]";
        const json& obj = list[i];
        if (!obj.is_object()) {
            r.fail(path, "expected an object");
            continue;
        }
        r.unknownFields(obj, {"name", "key", "project", "rpm", "tpm"}, path);
        VirtualKey k;
        k.name = r.get<std::string>(obj, "name", path).value_or("");
        k.secret = r.get<std::string>(obj, "key", path).value_or("");
        k.project = r.get<std::string>(obj, "project", path).value_or("");
        k.limit = r.limit(obj, path);
        if (k.name.empty())
            r.fail(path + ".name", "missing");
        else if (!names.insert(k.name).second)
            r.fail(path + ".name", "'" + k.name + "' is defined twice");
        if (k.secret.size() < 16)
            r.fail(path + ".key", "must be at least 16 characters");
        else if (!secrets.insert(k.secret).second)
            r.fail(path + ".key", "the same key is given to two names"); // never echo the key itself
        out.keys.push_back(std::move(k));
    }
}


} // namespace

std::string_view strategyName(RouteStrategy strategy)
{
    switch (strategy) {
    case RouteStrategy::Priority: return "priority";
    case RouteStrategy::Weighted: return "weighted";
    case RouteStrategy::LeastLatency: return "least-latency";
    case RouteStrategy::Cheapest: return "cheapest";
    }
    return "priority";
}

const RouteConfig* GatewayConfig::route(std::string_view name) const
{
    for (const RouteConfig& r : routes)
        if (r.name == name)
            return &r;
    return nullptr;
}

const VirtualKey* GatewayConfig::keyForSecret(std::string_view secret) const
{
    const VirtualKey* found = nullptr;
    for (const VirtualKey& k : keys) {
        // Compare every byte of every key, so timing says nothing about how much matched.
        unsigned diff = static_cast<unsigned>(k.secret.size() ^ secret.size());
        for (size_t i = 0; i < k.secret.size(); ++i)
            diff |= static_cast<unsigned char>(k.secret[i]) ^ static_cast<unsigned char>(i < secret.size() ? secret[i] : 0);
        if (diff == 0)
            found = &k;
    }
    return found;
}

GatewayConfigResult parseGatewayConfig(std::string_view jsonText)
{
    GatewayConfigResult result;
    json doc;
    try {
        doc = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        result.errors.push_back("not valid JSON: " + std::string(e.what()));
        return result;
    }
    if (!doc.is_object()) {
        result.errors.push_back("expected a JSON object with routes, tiers, budgets, keys");
        return result;
    }
    Reader r{result.errors};
    r.unknownFields(doc, {"routes", "tiers", "budgets", "keys", "circuit_breaker", "cache", "guard"},
                    "config");
    auto list = [&](const char* field) -> const json& {
        static const json empty = json::array();
        auto it = doc.find(field);
        if (it == doc.end() || it->is_null())
            return empty;
        if (!it->is_array()) {
            r.fail(field, "expected a list");
            return empty;
        }
        return *it;
    };
    readRoutes(r, list("routes"), result.config);
    readTiers(r, list("tiers"), result.config);
    readBudgets(r, list("budgets"), result.config);
    readKeys(r, list("keys"), result.config);
    if (auto it = doc.find("circuit_breaker"); it != doc.end() && it->is_object()) {
        r.unknownFields(*it, {"failures", "open_seconds", "max_open_seconds"}, "circuit_breaker");
        BreakerConfig& b = result.config.breaker;
        b.failureThreshold = r.get<int>(*it, "failures", "circuit_breaker").value_or(b.failureThreshold);
        if (auto s = r.get<double>(*it, "open_seconds", "circuit_breaker"))
            b.openFor = static_cast<Nanos>(*s * static_cast<double>(kNsPerSec));
        if (auto s = r.get<double>(*it, "max_open_seconds", "circuit_breaker"))
            b.maxOpenFor = static_cast<Nanos>(*s * static_cast<double>(kNsPerSec));
        if (b.failureThreshold < 1 || b.openFor <= 0 || b.maxOpenFor < b.openFor)
            r.fail("circuit_breaker", "failures must be 1 or more and 0 < open_seconds <= max_open_seconds");
    }
    if (auto it = doc.find("cache"); it != doc.end() && !it->is_null()) {
        if (it->is_object())
            readCache(r, *it, result.config);
        else
            r.fail("cache", "expected an object");
    }
    if (auto it = doc.find("guard"); it != doc.end() && !it->is_null()) {
        try {
            result.config.guard = guard::parsePolicy(*it);
        } catch (const std::invalid_argument& e) {
            result.errors.push_back(e.what());
        }
    }
    return result;
}

GatewayConfigResult loadGatewayConfig(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        GatewayConfigResult result;
        result.errors.push_back(path + ": cannot be read");
        return result;
    }
    std::stringstream text;
    text << in.rdbuf();
    GatewayConfigResult result = parseGatewayConfig(text.str());
    for (std::string& e : result.errors)
        e = path + ": " + e;
    return result;
}

std::string gatewayConfigPath()
{
    namespace fs = std::filesystem;
    auto env = [](const char* name) -> const char* {
        const char* v = std::getenv(name);
        return v && *v ? v : nullptr;
    };
    if (const char* path = env("TOKENSCOPE_GATEWAY_CONFIG"))
        return path;
    const fs::path name = fs::path("tokenscope") / "gateway.json";
    if (const char* config = env("XDG_CONFIG_HOME"); config && fs::path(config).is_absolute())
        return (fs::path(config) / name).string();
    if (const char* home = env("HOME"))
        return (fs::path(home) / ".config" / name).string();
    return {};
}

} // namespace ts
