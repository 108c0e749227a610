#pragma once
#include "catalog/catalog.h"
#include "gateway/gateway_config.h"
#include "providers/provider.h"
#include "providers/provider_profile.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ts::serve {

// Where a client's model goes: a route (the pipeline's router plans it), or one provider and model.
struct Resolution
{
    std::string provider; // empty for a route
    std::string model;
};

// Which upstream serves a model the client names, in this order:
//   1. a route of the gateway config (request.model stays the route's name);
//   2. "provider/model" where provider is a configured provider id;
//   3. the provider the catalog says serves it, when that provider (or a profile of its kind) is set up;
//   4. a configured provider that lists the model (the simulated provider lists the common ones);
// else nothing, and the client hears what is available. Built once when the gateway starts; answers
// are cached per model name. Thread-safe.
class ModelResolver
{
public:
    ModelResolver(std::shared_ptr<const ProviderRegistry> providers, std::shared_ptr<const GatewayConfig> config,
                  const std::vector<ProviderProfile>& profiles, std::shared_ptr<const Catalog> catalog = nullptr);

    std::optional<Resolution> resolve(const std::string& model) const;
    // Routes, then each provider's models (first provider wins a name), as clients would send them.
    const std::vector<std::pair<std::string, std::string>>& available() const { return available_; } // id, owner
    std::string notFoundMessage(const std::string& model) const;
    // GET /v1/models: OpenAI's list format, built once.
    const std::string& modelsJson() const { return modelsJson_; }

private:
    std::optional<Resolution> lookup(const std::string& model) const;
    std::string providerForCatalog(const std::string& catalogProvider) const;

    std::shared_ptr<const ProviderRegistry> providers_;
    std::shared_ptr<const GatewayConfig> config_;
    std::shared_ptr<const Catalog> catalog_;
    std::unordered_map<std::string, std::string> kindOf_;  // provider id -> profile kind
    std::unordered_map<std::string, std::string> listedBy_; // model id -> provider id
    std::vector<std::pair<std::string, std::string>> available_;
    std::string modelsJson_;
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, std::optional<Resolution>> cache_;
};

} // namespace ts::serve
