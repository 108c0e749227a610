#pragma once
#include "cache/semantic_cache.h"
#include "model/span.h"

#include <string_view>

namespace ts::cache {

// Attributes only the semantic layer records; the layer, entry, age and saving use the cache
// attributes every layer shares (model/attributes.h).
namespace semantic_attr {
inline constexpr std::string_view kSimilarity = "tokenscope.cache.similarity";      // the hit's cosine
inline constexpr std::string_view kNearest = "tokenscope.cache.nearest_similarity"; // a miss's closest entry
inline constexpr std::string_view kThreshold = "tokenscope.cache.threshold";
inline constexpr std::string_view kEmbedder = "tokenscope.cache.embedder"; // "lexical (local)", "openai:..."
inline constexpr std::string_view kSkipped = "tokenscope.cache.skipped";   // why nothing was looked up
} // namespace semantic_attr

// Records a lookup on the cache.lookup span: always the layer, embedder and threshold; on a hit the
// similarity, the entry (its id as text, like the exact layer's key), its age and the money saved;
// on a miss the closest entry's similarity, which the threshold tuning view reads as a near miss.
void recordSemanticLookup(Span& span, const SemanticLookup& lookup, const SemanticCache& cache);

} // namespace ts::cache
