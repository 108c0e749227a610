#pragma once
#include "providers/embedder.h"
#include "providers/endpoint.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ts {

// OpenAI's embeddings endpoint, or a server that speaks it (vLLM, llama.cpp, LiteLLM, Ollama's /v1...).
// apiKey empty: no Authorization header.
struct OpenAIEmbedderConfig : Endpoint
{
    OpenAIEmbedderConfig() { baseUrl = "https://api.openai.com/v1"; }
    std::string model = "text-embedding-3-small";
    std::optional<int> dimensions; // text-embedding-3 models can shorten their vectors
};

// Embeds through POST {baseUrl}/embeddings: {"model", "input": [texts], "encoding_format": "float"}
// answers {"data": [{"index", "embedding"}, ...], "model", "usage": {"prompt_tokens"}}; the vectors are
// put back in input order by their index. All texts go in one request (the API takes up to 2048).
class OpenAIEmbedder final : public Embedder
{
public:
    explicit OpenAIEmbedder(OpenAIEmbedderConfig config);

    std::string id() const override { return "openai:" + config_.model; }
    std::variant<Embeddings, ProviderError> embed(const std::vector<std::string>& texts,
                                                  const CancelToken* cancel = nullptr) override;

private:
    OpenAIEmbedderConfig config_;
};

} // namespace ts
