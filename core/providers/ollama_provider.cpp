#include "providers/ollama_provider.h"

#include "providers/call_runner.h"
#include "providers/ollama_receiver.h"
#include "providers/ollama_wire.h"

#include <stdexcept>

namespace ts {

OllamaProvider::OllamaProvider(OllamaConfig config) : config_(std::move(config)) {}

std::vector<ModelListing> OllamaProvider::models() const
{
    std::vector<ModelListing> out;
    for (const std::string& model : config_.models)
        out.push_back({model, {}});
    return out;
}

std::optional<ProviderError> OllamaProvider::prepare(const ChatRequest& request, net::HttpRequest& http) const
{
    if (request.model.empty())
        return configError("no model given");
    std::string body;
    try {
        // Invalid UTF-8 in a message is replaced rather than refused.
        body = ollama::chatBody(request).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const std::invalid_argument& e) {
        return configError(e.what());
    }
    std::vector<Header> headers{{"Content-Type", "application/json"},
                                {"Accept", request.stream ? "application/x-ndjson" : "application/json"}};
    if (!config_.apiKey.empty())
        headers.emplace_back("Authorization", "Bearer " + config_.apiKey);
    return prepareHttp(config_, "api/chat", std::move(headers), std::move(body), http);
}

CallResult OllamaProvider::call(const ChatRequest& request, const CallContext& ctx)
{
    return runCall(
        ctx, [&](net::HttpRequest& http) { return prepare(request, http); },
        [&](CallResult& result) { return std::make_unique<ollama::Receiver>(request.stream, ctx, result); });
}

} // namespace ts
