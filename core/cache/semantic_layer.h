#pragma once
#include "cache/semantic_cache.h"
#include "gateway/stages.h"

#include <memory>

namespace ts::cache {

// The semantic cache as a pipeline stage. A hit has no recorded pacing (the entry answered another
// question), so it replays at once.
class SemanticLayer final : public ResponseCache
{
public:
    explicit SemanticLayer(std::shared_ptr<SemanticCache> cache) : cache_(std::move(cache)) {}

    std::string layerName() const override { return "semantic"; }
    std::optional<CachedAnswer> lookup(const ChatRequest& request, Span& span) override;
    void store(const ChatRequest& request, const CachedAnswer& answer, Span& span) override;

    SemanticCache& cache() const { return *cache_; }

private:
    std::shared_ptr<SemanticCache> cache_;
};

// Layers asked in order (the exact cache first: a hash is cheaper than an embedding and never
// wrong); the first hit answers and names its layer on the span. Every layer is offered each new
// answer. A miss names every layer asked ("exact+semantic").
class CacheLayers final : public ResponseCache
{
public:
    explicit CacheLayers(std::vector<std::shared_ptr<ResponseCache>> layers);

    std::string layerName() const override { return name_; }
    std::optional<CachedAnswer> lookup(const ChatRequest& request, Span& span) override;
    void store(const ChatRequest& request, const CachedAnswer& answer, Span& span) override;

    const std::vector<std::shared_ptr<ResponseCache>>& layers() const { return layers_; }

private:
    std::vector<std::shared_ptr<ResponseCache>> layers_;
    std::string name_;
};

} // namespace ts::cache
