#include "providers/anthropic_count_tokens.h"

#include "model/clock.h"
#include "net/retry_after.h"
#include "providers/anthropic_wire.h"
#include "providers/json_fields.h"
#include "providers/openai_wire.h"

#include <cstdlib>

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
    net::HttpRequest http;
    if (auto error = prepareHttp(endpoint, "v1/messages/count_tokens",
                                 {{"content-type", "application/json"},
                                  {"x-api-key", endpoint.apiKey},
                                  {"anthropic-version", endpoint.version}},
                                 anthropic::messagesBody(request, false)
                                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                                 http))
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
        // Anthropic's error envelope has the same shape as OpenAI's: {"error": {type, message}}.
        ProviderError e = openai::httpError(response.status, response.body);
        e.retryAfterMs = net::retryAfterMs(response, systemClock().now());
        return e;
    }
    const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    const nlohmann::json* tokens = field(body, "input_tokens");
    if (!tokens || !tokens->is_number_integer() || tokens->get<std::int64_t>() < 0)
        return failure(ProviderError::Kind::Stream, "count_tokens answered without a valid input_tokens: " +
                                                        response.body.substr(0, 200));
    return tokens->get<std::int64_t>();
}

} // namespace ts
