#include "providers/anthropic_provider.h"

#include "providers/anthropic_receiver.h"
#include "providers/anthropic_wire.h"
#include "providers/call_runner.h"

#include <stdexcept>

namespace ts {

AnthropicProvider::AnthropicProvider(AnthropicConfig config) : config_(std::move(config)) {}

std::vector<ModelListing> AnthropicProvider::models() const
{
    std::vector<ModelListing> out;
    for (const std::string& model : config_.models)
        out.push_back({model, {}});
    return out;
}

std::optional<ProviderError> AnthropicProvider::prepare(const ChatRequest& request,
                                                        net::HttpRequest& http) const
{
    if (request.model.empty())
        return configError("no model given");
    std::string body;
    try {
        // Invalid UTF-8 in a message is replaced rather than refused.
        body = anthropic::messagesBody(request, true)
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const std::invalid_argument& e) {
        return configError(e.what());
    }
    std::vector<Header> headers{{"content-type", "application/json"},
                                {"accept", request.stream ? "text/event-stream" : "application/json"},
                                {"anthropic-version", config_.version}};
    if (!config_.apiKey.empty())
        headers.emplace_back("x-api-key", config_.apiKey);
    return prepareHttp(config_, "v1/messages", std::move(headers), std::move(body), http);
}

CallResult AnthropicProvider::call(const ChatRequest& request, const CallContext& ctx)
{
    return runCall(
        ctx, [&](net::HttpRequest& http) { return prepare(request, http); },
        [&](CallResult& result) {
            return std::make_unique<anthropic::Receiver>(request.stream, ctx, result);
        });
}

} // namespace ts
