#pragma once
#include "net/http_client.h"
#include "providers/anthropic_count_tokens.h"
#include "providers/provider.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace ts {

// Anthropic's API, or a server that speaks it (a gateway, llama.cpp's /v1/messages...).
// apiKey empty: no x-api-key header. The total timeout AnthropicEndpoint sets for count_tokens
// does not suit long generations, so a config starts without one.
struct AnthropicConfig : AnthropicEndpoint
{
    AnthropicConfig() { totalTimeout = std::chrono::milliseconds(0); }
    std::string id = "anthropic";
    std::vector<std::string> models;
};

// Speaks POST {baseUrl}/v1/messages (shared/reference/formats.md §2), streamed or not.
// call() is safe to run from several threads at once.
class AnthropicProvider final : public Provider
{
public:
    explicit AnthropicProvider(AnthropicConfig config);

    std::string id() const override { return config_.id; }
    std::string otelName() const override { return "anthropic"; }
    std::vector<ModelListing> models() const override;
    CallResult call(const ChatRequest& request, const CallContext& ctx) override;

    const AnthropicConfig& config() const { return config_; }

private:
    // The HTTP request for a chat request, or a Config error when nothing can be sent.
    std::optional<ProviderError> prepare(const ChatRequest& request, net::HttpRequest& http) const;

    AnthropicConfig config_;
};

} // namespace ts
