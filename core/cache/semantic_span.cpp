#include "cache/semantic_span.h"

#include "model/attributes.h"
#include "model/span_note.h"

namespace ts::cache {

void recordSemanticLookup(Span& span, const SemanticLookup& lookup, const SemanticCache& cache)
{
    note(span, attr::kCacheLayer, std::string("semantic"));
    note(span, semantic_attr::kEmbedder, cache.embedderLabel());
    note(span, semantic_attr::kThreshold, double{cache.threshold()});
    note(span, attr::kCacheHit, lookup.hit.has_value());
    if (!lookup.skipped.empty())
        note(span, semantic_attr::kSkipped, lookup.skipped);
    if (const auto& hit = lookup.hit) {
        note(span, semantic_attr::kSimilarity, double{hit->similarity});
        note(span, attr::kCacheEntry, std::to_string(hit->entryId));
        note(span, attr::kCacheAgeMs, std::int64_t{hit->ageNs / kNsPerMs});
        note(span, attr::kCacheSavedUsd, hit->costUsd);
    } else if (lookup.nearest) {
        note(span, semantic_attr::kNearest, double{lookup.nearest->similarity});
    }
}

} // namespace ts::cache
