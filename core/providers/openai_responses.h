#pragma once
#include "net/http_client.h"
#include "providers/endpoint.h"
#include "providers/provider.h"

#include <optional>
#include <string>
#include <vector>

namespace ts {

// OpenAI's Responses API, or a server that speaks it (a gateway, vLLM's /v1/responses...).
// apiKey empty: no Authorization header.
struct OpenAIResponsesConfig : Endpoint
{
    OpenAIResponsesConfig() { baseUrl = "https://api.openai.com/v1"; }
    std::string id = "openai-responses";
    std::string otelName = "openai"; // gen_ai.provider.name
    std::vector<std::string> models;
};

// Speaks POST {baseUrl}/responses (shared/reference/formats.md §1.6), streamed or not.
// call() is safe to run from several threads at once.
class OpenAIResponsesProvider final : public Provider
{
public:
    explicit OpenAIResponsesProvider(OpenAIResponsesConfig config);

    std::string id() const override { return config_.id; }
    std::string otelName() const override { return config_.otelName; }
    std::vector<ModelListing> models() const override;
    CallResult call(const ChatRequest& request, const CallContext& ctx) override;

    const OpenAIResponsesConfig& config() const { return config_; }

private:
    // The HTTP request for a chat request, or a Config error when nothing can be sent.
    std::optional<ProviderError> prepare(const ChatRequest& request, net::HttpRequest& http) const;

    OpenAIResponsesConfig config_;
};

} // namespace ts
