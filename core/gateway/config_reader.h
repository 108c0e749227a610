#pragma once
#include "gateway/gateway_config.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

// The gateway config's reading helpers, shared by the files that read its sections.
namespace ts::config_detail {

using nlohmann::json;

// Reads one object, collecting problems with their path instead of stopping at the first.
struct Reader
{
    std::vector<std::string>& errors;

    void fail(const std::string& path, const std::string& what) { errors.push_back(path + ": " + what); }

    template <typename T>
    std::optional<T> get(const json& obj, const char* field, const std::string& path)
    {
        auto it = obj.find(field);
        if (it == obj.end() || it->is_null())
            return std::nullopt;
        try {
            return it->get<T>();
        } catch (const json::exception&) {
            fail(path + "." + field, std::string("expected ") + expected<T>() + ", got " + it->type_name());
            return std::nullopt;
        }
    }

    template <typename T>
    static const char* expected()
    {
        if constexpr (std::is_same_v<T, std::string>)
            return "a string";
        else if constexpr (std::is_same_v<T, bool>)
            return "true or false";
        else if constexpr (std::is_same_v<T, std::vector<std::string>>)
            return "a list of strings";
        else
            return "a number";
    }

    void unknownFields(const json& obj, std::initializer_list<const char*> known, const std::string& path)
    {
        for (const auto& [k, v] : obj.items()) {
            bool ok = false;
            for (const char* f : known)
                ok = ok || k == f;
            if (!ok)
                fail(path + "." + k, "unknown field");
        }
    }

    RateLimit limit(const json& obj, const std::string& path)
    {
        RateLimit l;
        l.requestsPerMinute = get<std::int64_t>(obj, "rpm", path).value_or(0);
        l.tokensPerMinute = get<std::int64_t>(obj, "tpm", path).value_or(0);
        if (l.requestsPerMinute < 0 || l.tokensPerMinute < 0)
            fail(path, "rpm and tpm must not be negative");
        return l;
    }

    std::optional<DeploymentConfig> deployment(const json& obj, const std::string& path)
    {
        if (!obj.is_object()) {
            fail(path, "expected an object with provider and model");
            return std::nullopt;
        }
        unknownFields(obj, {"provider", "model", "weight", "rpm", "tpm"}, path);
        DeploymentConfig d;
        d.provider = get<std::string>(obj, "provider", path).value_or("");
        d.model = get<std::string>(obj, "model", path).value_or("");
        d.weight = get<double>(obj, "weight", path).value_or(1.0);
        d.limit = limit(obj, path);
        if (d.provider.empty())
            fail(path + ".provider", "missing");
        if (d.model.empty())
            fail(path + ".model", "missing");
        if (!(d.weight > 0))
            fail(path + ".weight", "must be above 0");
        return d;
    }
};

// "cache": {"exact": {...}, "semantic": {...}} (gateway_config_cache.cpp).
void readCache(Reader& r, const json& obj, GatewayConfig& out);

} // namespace ts::config_detail
