#include "providers/anthropic_count_tokens.h"

#include "model/clock.h"
#include "net/retry_after.h"
#include "providers/anthropic_wire.h"
#include "providers/anthropic_reply.h"
#include "providers/json_fields.h"

#include <cstdlib>
#include <stdexcept>

namespace ts {

namespace {

std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? v : "";
}

ProviderError failure(ProviderError::Kind kind, std::string message)
{
    return ProviderError{.kind = kind, .message = std::move(message)};
}

} // namespace

AnthropicEndpoint anthropicEndpointFromEnvironment()
{
    AnthropicEndpoint e;
    e.apiKey = env("ANTHROPIC_API_KEY");
    if (std::string base = env("ANTHROPIC_BASE_URL"); !base.empty())
        e.baseUrl = base;
    return e;
}

std::variant<std::int64_t, ProviderError> countTokensAnthropic(const AnthropicEndpoint& endpoint,
                                                               const ChatRequest& request, const CancelToken* cancel)
{
    if (endpoint.apiKey.empty())
        return failure(ProviderError::Kind::Config, "no Anthropic API key: set ANTHROPIC_API_KEY");
    std::string body;
    try {
        body = anthropic::messagesBody(request, false)
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const std::invalid_argument& e) {
        return failure(ProviderError::Kind::Config, e.what());
    }
    net::HttpRequest http;
    if (auto error = prepareHttp(endpoint, "v1/messages/count_tokens",
                                 {{"content-type", "application/json"},
                                  {"x-api-key", endpoint.apiKey},
                                  {"anthropic-version", endpoint.version}},
                                 std::move(body), http))
        return *error;
    const net::HttpResponse response = net::perform(http, cancel);

    using Failure = net::HttpResponse::Failure;
    if (response.failure == Failure::Cancelled)
        return failure(ProviderError::Kind::Cancelled, "cancelled");
    if (response.failure == Failure::Timeout)
        return failure(ProviderError::Kind::Timeout, "count_tokens timed out: " + response.failureMessage);
    if (response.failure != Failure::None)
        return failure(ProviderError::Kind::Network, "count_tokens failed: " + response.failureMessage);
    if (response.status < 200 || response.status >= 300) {
        ProviderError e = anthropic::httpError(response.status, response.body);
        e.retryAfterMs = net::retryAfterMs(response, systemClock().now());
        return e;
    }
    const nlohmann::json reply = nlohmann::json::parse(response.body, nullptr, false);
    const nlohmann::json* tokens = field(reply, "input_tokens");
    if (!tokens || !tokens->is_number_integer() || tokens->get<std::int64_t>() < 0)
        return failure(ProviderError::Kind::Stream, "count_tokens answered without a valid input_tokens: " +
                                                        response.body.substr(0, 200));
    return tokens->get<std::int64_t>();
}

} // namespace ts
