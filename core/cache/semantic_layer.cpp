#include "cache/semantic_layer.h"

#include "cache/semantic_span.h"
#include "model/attributes.h"
#include "model/span_note.h"

namespace ts::cache {

std::optional<CachedAnswer> SemanticLayer::lookup(const ChatRequest& request, Span& span)
{
    SemanticLookup found = cache_->lookup(request);
    recordSemanticLookup(span, found, *cache_);
    if (!found.hit)
        return std::nullopt;
    CachedAnswer answer;
    answer.response = std::move(found.hit->response);
    answer.costUsd = found.hit->costUsd;
    answer.simulated = found.hit->simulated;
    return answer;
}

void SemanticLayer::store(const ChatRequest& request, const CachedAnswer& answer, Span& span)
{
    const std::string skipped = cache_->store(request, answer.response, answer.costUsd, nullptr, answer.simulated);
    note(span, "tokenscope.cache.semantic.stored", skipped.empty());
    if (!skipped.empty())
        note(span, "tokenscope.cache.semantic.skipped", skipped);
}

CacheLayers::CacheLayers(std::vector<std::shared_ptr<ResponseCache>> layers) : layers_(std::move(layers))
{
    for (const auto& layer : layers_)
        name_ += (name_.empty() ? "" : "+") + layer->layerName();
}

std::optional<CachedAnswer> CacheLayers::lookup(const ChatRequest& request, Span& span)
{
    std::string asked;
    for (const auto& layer : layers_) {
        asked += (asked.empty() ? "" : "+") + layer->layerName();
        if (auto hit = layer->lookup(request, span)) {
            note(span, attr::kCacheLayer, layer->layerName());
            note(span, attr::kCacheAsked, asked); // a semantic hit is also an exact miss
            return hit;
        }
    }
    note(span, attr::kCacheLayer, name_);
    note(span, attr::kCacheAsked, name_);
    return std::nullopt;
}

void CacheLayers::store(const ChatRequest& request, const CachedAnswer& answer, Span& span)
{
    for (const auto& layer : layers_)
        layer->store(request, answer, span);
}

} // namespace ts::cache
