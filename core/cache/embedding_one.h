#pragma once
#include "model/cancel.h"
#include "providers/embedder.h"

#include <string>
#include <variant>
#include <vector>

namespace ts::cache {

// One text's vector, scaled to unit length (so inner product is cosine whatever the provider
// returns), or why there is none: the embedder's error, or a missing or all-zero vector.
std::variant<std::vector<float>, std::string> embedOne(Embedder& embedder, const std::string& text,
                                                       const CancelToken* cancel);

} // namespace ts::cache
