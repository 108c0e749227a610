#include "providers/gemini_provider.h"

#include "providers/call_runner.h"
#include "providers/gemini_receiver.h"
#include "providers/gemini_wire.h"

#include <stdexcept>

namespace ts {

GeminiProvider::GeminiProvider(GeminiConfig config) : config_(std::move(config)) {}

std::vector<ModelListing> GeminiProvider::models() const
{
    std::vector<ModelListing> out;
    for (const std::string& model : config_.models)
        out.push_back({model, {}});
    return out;
}

std::optional<ProviderError> GeminiProvider::prepare(const ChatRequest& request, net::HttpRequest& http) const
{
    if (request.model.empty())
        return configError("no model given");
    std::string body;
    try {
        // Invalid UTF-8 in a message is replaced rather than refused.
        body = gemini::requestBody(request).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const std::invalid_argument& e) {
        return configError(e.what());
    }
    std::vector<Header> headers{{"Content-Type", "application/json"},
                                {"Accept", request.stream ? "text/event-stream" : "application/json"}};
    if (!config_.apiKey.empty())
        headers.emplace_back("x-goog-api-key", config_.apiKey);
    return prepareHttp(config_, gemini::methodPath(config_.apiVersion, request.model, request.stream),
                       std::move(headers), std::move(body), http);
}

CallResult GeminiProvider::call(const ChatRequest& request, const CallContext& ctx)
{
    return runCall(
        ctx, [&](net::HttpRequest& http) { return prepare(request, http); },
        [&](CallResult& result) { return std::make_unique<gemini::Receiver>(request.stream, ctx, result); });
}

} // namespace ts
