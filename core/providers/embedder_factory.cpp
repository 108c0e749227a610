#include "providers/embedder_factory.h"

#include "providers/ollama_embedder.h"
#include "providers/openai_embedder.h"

namespace ts {

std::variant<std::shared_ptr<Embedder>, std::string> makeEmbedder(const ProviderProfile& profile,
                                                                  const std::string& apiKey, const std::string& model)
{
    if (model.empty())
        return "name the embedding model the provider '" + profile.id + "' should run";
    if (profile.kind == "openai") {
        OpenAIEmbedderConfig config;
        static_cast<Endpoint&>(config) = endpointFor(profile, apiKey);
        config.model = model;
        return std::make_shared<OpenAIEmbedder>(std::move(config));
    }
    if (profile.kind == "ollama") {
        OllamaEmbedderConfig config;
        static_cast<Endpoint&>(config) = endpointFor(profile, apiKey);
        config.model = model;
        return std::make_shared<OllamaEmbedder>(std::move(config));
    }
    return "the provider '" + profile.id + "' (" + profile.kind +
           ") has no embeddings API Tokenscope can call; use one of kind openai or ollama, or \"lexical\"";
}

std::variant<std::shared_ptr<Embedder>, std::string> makeEmbedder(const std::vector<ProviderProfile>& profiles,
                                                                  const KeyLookup& keys, const std::string& providerId,
                                                                  const std::string& model)
{
    for (const ProviderProfile& p : profiles)
        if (p.id == providerId) {
            if (!p.enabled)
                return "the provider '" + providerId + "' is disabled";
            return makeEmbedder(p, keys ? keys(p).value_or(std::string()) : std::string(), model);
        }
    return "no provider '" + providerId + "' is configured";
}

} // namespace ts
