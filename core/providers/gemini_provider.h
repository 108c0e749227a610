#pragma once
#include "net/http_client.h"
#include "providers/endpoint.h"
#include "providers/provider.h"

#include <optional>
#include <string>
#include <vector>

namespace ts {

// Google's Gemini API (AI Studio, generativelanguage.googleapis.com), or a proxy that speaks it.
// The key goes in an x-goog-api-key header (GEMINI_API_KEY); empty: none is sent.
struct GeminiConfig : Endpoint
{
    GeminiConfig() { baseUrl = "https://generativelanguage.googleapis.com"; }
    std::string id = "gemini";
    std::string apiVersion = "v1beta";
    std::vector<std::string> models;
};

// Speaks POST {baseUrl}/{apiVersion}/models/{model}:streamGenerateContent?alt=sse, or
// :generateContent when not streaming (shared/reference/formats.md §4).
// call() is safe to run from several threads at once.
class GeminiProvider final : public Provider
{
  public:
    explicit GeminiProvider(GeminiConfig config);

    std::string id() const override { return config_.id; }
    std::string otelName() const override { return "gcp.gemini"; } // the AI Studio endpoint, per OTel
    std::vector<ModelListing> models() const override;
    CallResult call(const ChatRequest& request, const CallContext& ctx) override;

    const GeminiConfig& config() const { return config_; }

  private:
    // The HTTP request for a chat request, or a Config error when nothing can be sent.
    std::optional<ProviderError> prepare(const ChatRequest& request, net::HttpRequest& http) const;

    GeminiConfig config_;
};

} // namespace ts
