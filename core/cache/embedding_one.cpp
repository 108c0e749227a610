#include "cache/embedding_one.h"

#include "cache/embedding_math.h"

namespace ts::cache {

std::variant<std::vector<float>, std::string> embedOne(Embedder& embedder, const std::string& text,
                                                       const CancelToken* cancel)
{
    auto result = embedder.embed({text}, cancel);
    if (const auto* error = std::get_if<ProviderError>(&result))
        return embedder.id() + ": " + error->message;
    auto& vectors = std::get<Embeddings>(result).vectors;
    if (vectors.size() != 1 || !normaliseInPlace(vectors.front()))
        return embedder.id() + ": no vector for the text";
    return std::move(vectors.front());
}

} // namespace ts::cache
