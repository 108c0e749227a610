#pragma once
#include "providers/embedder.h"
#include "providers/endpoint.h"

#include <string>
#include <variant>
#include <vector>

namespace ts {

// An Ollama server and the embedding model it runs (e.g. nomic-embed-text, all-minilm).
struct OllamaEmbedderConfig : Endpoint
{
    OllamaEmbedderConfig() { baseUrl = "http://127.0.0.1:11434"; }
    std::string model = "nomic-embed-text";
};

// Embeds through POST {baseUrl}/api/embed: {"model", "input": [texts]} answers
// {"embeddings": [[...], ...], "prompt_eval_count"}. All texts go in one request.
class OllamaEmbedder final : public Embedder
{
  public:
    explicit OllamaEmbedder(OllamaEmbedderConfig config);

    std::string id() const override { return "ollama:" + config_.model; }
    std::variant<Embeddings, ProviderError> embed(const std::vector<std::string>& texts,
                                                  const CancelToken* cancel = nullptr) override;

  private:
    OllamaEmbedderConfig config_;
};

} // namespace ts
