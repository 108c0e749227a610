#include "providers/ollama_embedder.h"

#include "net/retry_after.h"
#include "providers/json_fields.h"
#include "providers/ollama_wire.h"

namespace ts {

using nlohmann::json;

namespace {

ProviderError failure(ProviderError::Kind kind, std::string message)
{
    return ProviderError{.kind = kind, .message = std::move(message)};
}

std::optional<std::vector<float>> vectorFrom(const json& values)
{
    if (!values.is_array() || values.empty())
        return std::nullopt;
    std::vector<float> out;
    out.reserve(values.size());
    for (const json& v : values) {
        if (!v.is_number())
            return std::nullopt;
        out.push_back(v.get<float>());
    }
    return out;
}

// One vector per text, in order, or an error that says what the reply lacked.
std::variant<Embeddings, ProviderError> embeddingsFrom(const std::string& body, std::size_t expected,
                                                       const std::string& model)
{
    const json reply = json::parse(body, nullptr, false);
    const json* vectors = field(reply, "embeddings");
    if (!vectors || !vectors->is_array() || vectors->size() != expected)
        return failure(ProviderError::Kind::Stream,
                       "/api/embed answered without one embedding per input: " + body.substr(0, 200));
    Embeddings out{.model = stringField(reply, "model"), .inputTokens = intField(reply, "prompt_eval_count")};
    for (const json& values : *vectors) {
        auto vector = vectorFrom(values);
        if (!vector)
            return failure(ProviderError::Kind::Stream,
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
    std::vector<Header> headers{{"Content-Type", "application/json"}};
    if (!config_.apiKey.empty())
        headers.emplace_back("Authorization", "Bearer " + config_.apiKey);
    net::HttpRequest http;
    if (auto error = prepareHttp(config_, "api/embed", std::move(headers),
                                 body.dump(-1, ' ', false, json::error_handler_t::replace), http))
        return *error;
    const net::HttpResponse response = net::perform(http, cancel);

    using Failure = net::HttpResponse::Failure;
    if (response.failure == Failure::Cancelled)
        return failure(ProviderError::Kind::Cancelled, "cancelled");
    if (response.failure == Failure::Timeout)
        return failure(ProviderError::Kind::Timeout, "/api/embed timed out: " + response.failureMessage);
    if (response.failure != Failure::None)
        return failure(ProviderError::Kind::Network, "/api/embed failed: " + response.failureMessage);
    if (response.status < 200 || response.status >= 300) {
        ProviderError e = ollama::httpError(response.status, response.body);
        e.retryAfterMs = net::retryAfterMs(response, wallNowNs());
        return e;
    }
    return embeddingsFrom(response.body, texts.size(), config_.model);
}

} // namespace ts
