#include "engine/gateway_setup.h"

#include "cache/exact_cache.h"
#include "cache/lexical_embedder.h"
#include "cache/semantic_layer.h"
#include "gateway/guard_stages.h"
#include "gateway/policy_router.h"

#include <stdexcept>

namespace ts {

namespace {

// The layers the pipeline holds now, whether it holds one cache or several.
std::vector<std::shared_ptr<ResponseCache>> currentLayers(const Pipeline& pipeline)
{
    std::shared_ptr<ResponseCache> current = pipeline.cache();
    if (auto* layers = dynamic_cast<cache::CacheLayers*>(current.get()))
        return layers->layers();
    if (current)
        return {current};
    return {};
}

// The pipeline's exact cache when it already is the one wanted (its connections are kept), else a
// new one; null when the config leaves it off.
std::shared_ptr<ResponseCache> exactCacheFor(const std::vector<std::shared_ptr<ResponseCache>>& current,
                                             const cache::ExactCacheConfig& config, const std::string& workspacePath)
{
    if (!config.enabled || workspacePath.empty())
        return nullptr;
    for (const auto& layer : current)
        if (auto* exact = dynamic_cast<cache::ExactCache*>(layer.get());
            exact && exact->path() == workspacePath && exact->config() == config)
            return layer;
    return cache::ExactCache::open(workspacePath, config);
}

// The semantic layer lives in memory: re-applying an unchanged config keeps its entries.
std::shared_ptr<Embedder> embedderFor(const SemanticCacheSettings& settings, const EmbedderLookup& embedders)
{
    if (settings.embedder == "lexical")
        return std::make_shared<cache::LexicalEmbedder>();
    if (!embedders)
        throw std::invalid_argument("the semantic cache's embedder '" + settings.embedder + "' is not available here");
    auto found = embedders(settings.embedder, settings.embeddingModel);
    if (auto* why = std::get_if<std::string>(&found))
        throw std::invalid_argument("the semantic cache cannot embed with '" + settings.embedder + "': " + *why);
    return std::get<std::shared_ptr<Embedder>>(found);
}

std::shared_ptr<ResponseCache> semanticCacheFor(const std::vector<std::shared_ptr<ResponseCache>>& current,
                                                const SemanticCacheSettings& settings,
                                                const SemanticCacheSettings* previous, const EmbedderLookup& embedders)
{
    if (!settings.enabled)
        return nullptr;
    if (previous && *previous == settings)
        for (const auto& layer : current)
            if (dynamic_cast<cache::SemanticLayer*>(layer.get()))
                return layer;
    cache::SemanticCacheConfig config;
    config.threshold = settings.threshold;
    config.ttl = settings.ttl;
    config.shareAcrossUsers = settings.shareAcrossUsers;
    config.maxEntriesPerScope = settings.maxEntriesPerScope;
    return std::make_shared<cache::SemanticLayer>(
        std::make_shared<cache::SemanticCache>(embedderFor(settings, embedders), config));
}

} // namespace

std::shared_ptr<Governor> applyGatewayConfig(Pipeline& pipeline, std::shared_ptr<const GatewayConfig> config,
                                             const std::string& workspacePath, const EmbedderLookup& embedders)
{
    if (!config) {
        pipeline.setRouter(nullptr);
        pipeline.setGovernor(nullptr);
        pipeline.setCache(nullptr);
        pipeline.setGuards(nullptr, nullptr);
        return nullptr;
    }
    const auto current = currentLayers(pipeline);
    auto exact = exactCacheFor(current, config->exactCache, workspacePath); // may throw: before any change
    const auto applied = pipeline.governor(); // holds the config applied last
    auto semantic = semanticCacheFor(current, config->semanticCache,
                                     applied ? &applied->config().semanticCache : nullptr, embedders);
    std::vector<std::shared_ptr<ResponseCache>> layers;
    for (auto& layer : {exact, semantic})
        if (layer)
            layers.push_back(layer);
    std::shared_ptr<ResponseCache> cache;
    if (layers.size() == 1)
        cache = layers.front();
    else if (layers.size() > 1)
        cache = std::make_shared<cache::CacheLayers>(std::move(layers));
    // Built before anything is swapped: a policy that cannot compile changes nothing.
    std::shared_ptr<InputGuard> input;
    std::shared_ptr<OutputGuard> output;
    if (config->guard) {
        auto policy = std::make_shared<const guard::CompiledPolicy>(*config->guard);
        input = std::make_shared<PolicyInputGuard>(policy);
        output = std::make_shared<PolicyOutputGuard>(policy);
    }
    auto governor = std::make_shared<Governor>(config);
    pipeline.setRouter(std::make_shared<PolicyRouter>(config, governor->latencyShared()));
    pipeline.setGovernor(governor);
    pipeline.setCache(std::move(cache));
    pipeline.setGuards(input, output);
    return governor;
}

} // namespace ts
