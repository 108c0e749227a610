#pragma once
#include "net/http_client.h"
#include "providers/endpoint.h"
#include "providers/provider.h"

#include <optional>
#include <string>
#include <vector>

namespace ts {

// An Ollama server's native API. No key by default (a local server); one given is sent as a bearer
// token, for a server behind an authenticating proxy or Ollama's cloud.
struct OllamaConfig : Endpoint
{
    OllamaConfig() { baseUrl = "http://127.0.0.1:11434"; }
    std::string id = "ollama";
    std::vector<std::string> models;
};

// Speaks POST {baseUrl}/api/chat (shared/reference/formats.md §3.1), streamed as NDJSON or not.
// Load and eval durations of the final line land in CallResult::attributes.
// call() is safe to run from several threads at once.
class OllamaProvider final : public Provider
{
  public:
    explicit OllamaProvider(OllamaConfig config);

    std::string id() const override { return config_.id; }
    std::string otelName() const override { return "ollama"; }
    std::vector<ModelListing> models() const override;
    CallResult call(const ChatRequest& request, const CallContext& ctx) override;

    const OllamaConfig& config() const { return config_; }

  private:
    // The HTTP request for a chat request, or a Config error when nothing can be sent.
    std::optional<ProviderError> prepare(const ChatRequest& request, net::HttpRequest& http) const;

    OllamaConfig config_;
};

} // namespace ts
