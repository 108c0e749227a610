#include "providers/openai_embedder.h"

#include "net/retry_after.h"
#include "providers/json_fields.h"
#include "providers/openai_wire.h"

namespace ts {

using nlohmann::json;

namespace {

ProviderError failure(ProviderError::Kind kind, std::string message)
{
    return ProviderError{.kind = kind, .message = std::move(message)};
}

std::optional<std::vector<float>> vectorFrom(const json* values)
{
    if (!values || !values->is_array() || values->empty())
        return std::nullopt;
    std::vector<float> out;
    out.reserve(values->size());
    for (const json& v : *values) {
        if (!v.is_number())
            return std::nullopt;
        out.push_back(v.get<float>());
    }
    return out;
}

// One vector per text, put in input order by data[].index, or an error that says what the reply lacked.
std::variant<Embeddings, ProviderError> embeddingsFrom(const std::string& body, std::size_t expected,
                                                       const std::string& model)
{
    const json reply = json::parse(body, nullptr, false);
    const json* data = field(reply, "data");
    if (!data || !data->is_array() || data->size() != expected)
        return failure(ProviderError::Kind::Stream,
                       "/embeddings answered without one embedding per input: " + body.substr(0, 200));
    Embeddings out{.model = stringField(reply, "model"), .vectors = std::vector<std::vector<float>>(expected)};
    for (const json& item : *data) {
        const std::int64_t index = intField(item, "index");
        auto vector = vectorFrom(field(item, "embedding"));
        if (!vector)
            return failure(ProviderError::Kind::Stream, "/embeddings answered an embedding that is not numbers");
        const auto slot = static_cast<std::size_t>(index);
        if (index < 0 || slot >= expected || !out.vectors[slot].empty())
            return failure(ProviderError::Kind::Stream,
                           "/embeddings answered an index out of range or twice: " + std::to_string(index));
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
    std::vector<Header> headers{{"Content-Type", "application/json"}};
    if (!config_.apiKey.empty())
        headers.emplace_back("Authorization", "Bearer " + config_.apiKey);
    net::HttpRequest http;
    if (auto error = prepareHttp(config_, "embeddings", std::move(headers),
                                 body.dump(-1, ' ', false, json::error_handler_t::replace), http))
        return *error;
    const net::HttpResponse response = net::perform(http, cancel);

    using Failure = net::HttpResponse::Failure;
    if (response.failure == Failure::Cancelled)
        return failure(ProviderError::Kind::Cancelled, "cancelled");
    if (response.failure == Failure::Timeout)
        return failure(ProviderError::Kind::Timeout, "/embeddings timed out: " + response.failureMessage);
    if (response.failure != Failure::None)
        return failure(ProviderError::Kind::Network, "/embeddings failed: " + response.failureMessage);
    if (response.status < 200 || response.status >= 300) {
        ProviderError e = openai::httpError(response.status, response.body);
        e.retryAfterMs = net::retryAfterMs(response, wallNowNs());
        return e;
    }
    return embeddingsFrom(response.body, texts.size(), config_.model);
}

} // namespace ts
