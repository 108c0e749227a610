#include "providers/openai_embedder.h"

#include "providers/embedder_http.h"
#include "providers/json_fields.h"
#include "providers/openai_wire.h"

namespace ts {

using nlohmann::json;

namespace {

// One vector per text, put in input order by data[].index, or an error that says what the reply lacked.
std::variant<Embeddings, ProviderError> embeddingsFrom(const std::string& body, std::size_t expected,
                                                       const std::string& model)
{
    const json reply = json::parse(body, nullptr, false);
    const json* data = field(reply, "data");
    if (!data || !data->is_array() || data->size() != expected)
        return embedFailure(ProviderError::Kind::Stream,
                            "/embeddings answered without one embedding per input: " + body.substr(0, 200));
    Embeddings out{.model = stringField(reply, "model"),
                   .vectors = std::vector<std::vector<float>>(expected)};
    for (const json& item : *data) {
        const std::int64_t index = intField(item, "index");
        auto vector = vectorFrom(field(item, "embedding"));
        if (!vector)
            return embedFailure(ProviderError::Kind::Stream,
                                "/embeddings answered an embedding that is not numbers");
        const auto slot = static_cast<std::size_t>(index);
        if (index < 0 || slot >= expected || !out.vectors[slot].empty())
            return embedFailure(ProviderError::Kind::Stream,
                                "/embeddings answered an index out of range or twice: " +
                                    std::to_string(index));
        out.vectors[slot] = std::move(*vector);
    }
    if (const json* usage = field(reply, "usage"))
        out.inputTokens = intField(*usage, "prompt_tokens");
    if (out.model.empty())
        out.model = model;
    return out;
}

} // namespace

OpenAIEmbedder::OpenAIEmbedder(OpenAIEmbedderConfig config) : config_(std::move(config)) {}

std::variant<Embeddings, ProviderError> OpenAIEmbedder::embed(const std::vector<std::string>& texts,
                                                              const CancelToken* cancel)
{
    if (texts.empty())
        return Embeddings{.model = config_.model};
    json body{{"model", config_.model}, {"input", texts}, {"encoding_format", "float"}};
    if (config_.dimensions)
        body["dimensions"] = *config_.dimensions;
    auto reply = postEmbeddings(config_, "embeddings", body, cancel, openai::httpError);
    if (auto* error = std::get_if<ProviderError>(&reply))
        return std::move(*error);
    return embeddingsFrom(std::get<std::string>(reply), texts.size(), config_.model);
}

} // namespace ts
