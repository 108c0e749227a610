#pragma once
#include "model/cancel.h"
#include "model/request.h"
#include "providers/endpoint.h"
#include "providers/provider.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <variant>

namespace ts {

// baseUrl without /v1 (ANTHROPIC_BASE_URL), apiKey sent as x-api-key (ANTHROPIC_API_KEY).
struct AnthropicEndpoint : Endpoint
{
    AnthropicEndpoint()
    {
        baseUrl = "https://api.anthropic.com";
        totalTimeout = std::chrono::milliseconds(15'000);
    }
    std::string version = "2023-06-01"; // anthropic-version header
};

AnthropicEndpoint anthropicEndpointFromEnvironment();

// The exact input token count of a request for a Claude model: POST {base}/v1/messages/count_tokens
// (shared/reference/formats.md §2.7), free of charge. Blocking; cancellable; run it off the UI thread.
// Returns the count, or the provider's error (authentication, unknown model, network...).
std::variant<std::int64_t, ProviderError> countTokensAnthropic(const AnthropicEndpoint& endpoint,
                                                               const ChatRequest& request,
                                                               const CancelToken* cancel = nullptr);

} // namespace ts
