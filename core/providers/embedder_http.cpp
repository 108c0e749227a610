#include "providers/embedder_http.h"

#include "net/retry_after.h"

#include <nlohmann/json.hpp>

namespace ts {

using nlohmann::json;

ProviderError embedFailure(ProviderError::Kind kind, std::string message)
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

std::variant<std::string, ProviderError> postEmbeddings(const Endpoint& endpoint, std::string_view path,
                                                        const json& body, const CancelToken* cancel,
                                                        HttpErrorFor httpError)
{
    std::vector<Header> headers{{"Content-Type", "application/json"}};
    if (!endpoint.apiKey.empty())
        headers.emplace_back("Authorization", "Bearer " + endpoint.apiKey);
    net::HttpRequest http;
    if (auto error = prepareHttp(endpoint, path, std::move(headers),
                                 body.dump(-1, ' ', false, json::error_handler_t::replace), http))
        return *error;
    net::HttpResponse response = net::perform(http, cancel);

    using Failure = net::HttpResponse::Failure;
    const std::string where = "/" + std::string(path);
    if (response.failure == Failure::Cancelled)
        return embedFailure(ProviderError::Kind::Cancelled, "cancelled");
    if (response.failure == Failure::Timeout)
        return embedFailure(ProviderError::Kind::Timeout, where + " timed out: " + response.failureMessage);
    if (response.failure != Failure::None)
        return embedFailure(ProviderError::Kind::Network, where + " failed: " + response.failureMessage);
    if (response.status < 200 || response.status >= 300) {
        ProviderError e = httpError(response.status, response.body);
        e.retryAfterMs = net::retryAfterMs(response, wallNowNs());
        return e;
    }
    return std::move(response.body);
}

} // namespace ts
