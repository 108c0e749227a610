#include "serve/model_resolution.h"

#include "serve/json_text.h"

#include <nlohmann/json.hpp>

namespace ts::serve {

namespace {

constexpr std::size_t kMaxCached = 4096; // model names are client input: keep the cache bounded

// The catalog names companies ("google"); profiles name wire formats ("gemini").
bool kindServes(std::string_view kind, std::string_view catalogProvider)
{
    if (catalogProvider == "openai")
        return kind == "openai" || kind == "openai-responses" || kind == "azure";
    if (catalogProvider == "google")
        return kind == "gemini";
    return kind == catalogProvider;
}

} // namespace

ModelResolver::ModelResolver(std::shared_ptr<const ProviderRegistry> providers,
                             std::shared_ptr<const GatewayConfig> config, const std::vector<ProviderProfile>& profiles,
                             std::shared_ptr<const Catalog> catalog)
    : providers_(std::move(providers)), config_(std::move(config)), catalog_(std::move(catalog))
{
    for (const ProviderProfile& p : profiles)
        kindOf_.emplace(p.id, p.kind);
    if (config_)
        for (const RouteConfig& route : config_->routes)
            available_.emplace_back(route.name, "tokenscope-route");
    for (const auto& provider : providers_->all())
        for (const ModelListing& m : provider->models())
            if (listedBy_.emplace(m.id, provider->id()).second && !(config_ && config_->route(m.id)))
                available_.emplace_back(m.id, provider->id());
    nlohmann::json data = nlohmann::json::array();
    for (const auto& [id, owner] : available_)
        data.push_back({{"id", id}, {"object", "model"}, {"created", 0}, {"owned_by", owner}});
    modelsJson_ = dumpJson({{"object", "list"}, {"data", std::move(data)}});
}

std::optional<Resolution> ModelResolver::resolve(const std::string& model) const
{
    {
        std::lock_guard lock(cacheMutex_);
        if (auto it = cache_.find(model); it != cache_.end())
            return it->second;
    }
    auto found = lookup(model);
    std::lock_guard lock(cacheMutex_);
    if (cache_.size() < kMaxCached)
        cache_.emplace(model, found);
    return found;
}

std::optional<Resolution> ModelResolver::lookup(const std::string& model) const
{
    if (config_ && config_->route(model))
        return Resolution{{}, model};
    if (const auto slash = model.find('/'); slash != std::string::npos && slash + 1 < model.size())
        if (providers_->find(std::string_view(model).substr(0, slash)))
            return Resolution{model.substr(0, slash), model.substr(slash + 1)};
    const auto catalog = catalog_ ? catalog_ : Catalog::current();
    if (const ModelInfo* info = catalog->find(model))
        if (auto provider = providerForCatalog(info->provider); !provider.empty())
            return Resolution{provider, model};
    if (auto it = listedBy_.find(model); it != listedBy_.end())
        return Resolution{it->second, model};
    return std::nullopt;
}

std::string ModelResolver::providerForCatalog(const std::string& catalogProvider) const
{
    if (providers_->find(catalogProvider))
        return catalogProvider;
    for (const auto& provider : providers_->all())
        if (auto it = kindOf_.find(provider->id()); it != kindOf_.end() && kindServes(it->second, catalogProvider))
            return provider->id();
    return {};
}

std::string ModelResolver::notFoundMessage(const std::string& model) const
{
    std::string list;
    for (const auto& [id, owner] : available_)
        list += (list.empty() ? "" : ", ") + id;
    std::string providers;
    for (const auto& p : providers_->all())
        providers += (providers.empty() ? "" : ", ") + p->id();
    return "The model '" + model + "' does not exist or is not served by this gateway. Available: " +
           (list.empty() ? std::string("none") : list) + " (or PROVIDER/MODEL with a configured provider: " +
           providers + ").";
}

} // namespace ts::serve
