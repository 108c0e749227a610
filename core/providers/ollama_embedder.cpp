#include "providers/ollama_embedder.h"

#include "providers/embedder_http.h"
#include "providers/json_fields.h"
#include "providers/ollama_wire.h"

namespace ts {

using nlohmann::json;

namespace {

// One vector per text, in order, or an error that says what the reply lacked.
std::variant<Embeddings, ProviderError> embeddingsFrom(const std::string& body, std::size_t expected,
                                                       const std::string& model)
{
    const json reply = json::parse(body, nullptr, false);
    const json* vectors = field(reply, "embeddings");
    if (!vectors || !vectors->is_array() || vectors->size() != expected)
        return embedFailure(ProviderError::Kind::Stream,
                            "/api/embed answered without one embedding per input: " + body.substr(0, 200));
    Embeddings out{.model = stringField(reply, "model"), .inputTokens = intField(reply, "prompt_eval_count")};
    for (const json& values : *vectors) {
        auto vector = vectorFrom(&values);
        if (!vector)
            return embedFailure(ProviderError::Kind::Stream,
                                "/api/embed answered an embedding that is not numbers");
        out.vectors.push_back(std::move(*vector));
    }
    if (out.model.empty())
        out.model = model;
    return out;
}

} // namespace

OllamaEmbedder::OllamaEmbedder(OllamaEmbedderConfig config) : config_(std::move(config)) {}

std::variant<Embeddings, ProviderError> OllamaEmbedder::embed(const std::vector<std::string>& texts,
                                                              const CancelToken* cancel)
{
    if (texts.empty())
        return Embeddings{.model = config_.model};
    const json body{{"model", config_.model}, {"input", texts}};
    auto reply = postEmbeddings(config_, "api/embed", body, cancel, ollama::httpError);
    if (auto* error = std::get_if<ProviderError>(&reply))
        return std::move(*error);
    return embeddingsFrom(std::get<std::string>(reply), texts.size(), config_.model);
}

} // namespace ts
