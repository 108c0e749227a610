#pragma once
#include "model/cancel.h"
#include "providers/provider.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace ts {

struct Embeddings
{
    std::string model;                    // as the provider reports it
    std::vector<std::vector<float>> vectors; // one per input, in input order
    std::int64_t inputTokens = 0;         // usage, when the provider reports it
};

// Turns texts into vectors, for the semantic cache (issue #6). Blocking; cancellable; thread-safe.
class Embedder
{
public:
    virtual ~Embedder() = default;
    virtual std::string id() const = 0;    // "openai:text-embedding-3-small", "ollama:nomic-embed-text", "lexical"
    virtual std::variant<Embeddings, ProviderError> embed(const std::vector<std::string>& texts,
                                                          const CancelToken* cancel = nullptr) = 0;
};

} // namespace ts
