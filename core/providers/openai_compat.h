#pragma once
#include "net/http_client.h"
#include "providers/endpoint.h"
#include "providers/provider.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace ts {

// One OpenAI-compatible endpoint: OpenAI itself, or vLLM, llama.cpp, Ollama's /v1, a gateway...
// apiKey empty: no Authorization header (local servers).
struct OpenAICompatConfig : Endpoint
{
    OpenAICompatConfig() { baseUrl = "https://api.openai.com/v1"; }
    std::string id = "openai";
    std::string otelName = "openai"; // gen_ai.provider.name
    std::vector<std::string> models;
    // Azure OpenAI: baseUrl is https://RESOURCE.openai.azure.com/openai/deployments/DEPLOYMENT,
    // the key goes in an api-key header, and every call carries ?api-version=. Empty: not Azure.
    std::string azureApiVersion;
};

// Speaks POST {baseUrl}/chat/completions (shared/reference/formats.md §1), streamed or not.
// call() is safe to run from several threads at once.
class OpenAICompatProvider final : public Provider
{
public:
    explicit OpenAICompatProvider(OpenAICompatConfig config);

    std::string id() const override { return config_.id; }
    std::string otelName() const override { return config_.otelName; }
    std::vector<ModelListing> models() const override;
    CallResult call(const ChatRequest& request, const CallContext& ctx) override;

    const OpenAICompatConfig& config() const { return config_; }

private:
    // The HTTP request for a chat request, or a Config error when nothing can be sent.
    std::optional<ProviderError> prepare(const ChatRequest& request, net::HttpRequest& http) const;

    OpenAICompatConfig config_;
};

} // namespace ts
