#include "providers/openai_compat.h"

#include "providers/call_runner.h"
#include "providers/openai_receiver.h"
#include "providers/openai_request_body.h"

#include <stdexcept>

namespace ts {

OpenAICompatProvider::OpenAICompatProvider(OpenAICompatConfig config) : config_(std::move(config)) {}

std::vector<ModelListing> OpenAICompatProvider::models() const
{
    std::vector<ModelListing> out;
    for (const std::string& model : config_.models)
        out.push_back({model, {}});
    return out;
}

std::optional<ProviderError> OpenAICompatProvider::prepare(const ChatRequest& request,
                                                           net::HttpRequest& http) const
{
    if (request.model.empty())
        return configError("no model given");
    std::string body;
    try {
        body = openai::requestBody(request);
    } catch (const std::invalid_argument& e) {
        return configError(e.what());
    }
    std::vector<Header> headers{{"Content-Type", "application/json"},
                                {"Accept", request.stream ? "text/event-stream" : "application/json"}};
    if (!config_.azureApiVersion.empty()) {
        if (!config_.apiKey.empty())
            headers.emplace_back("api-key", config_.apiKey);
        return prepareHttp(config_, "chat/completions?api-version=" + config_.azureApiVersion,
                           std::move(headers), std::move(body), http);
    }
    if (!config_.apiKey.empty())
        headers.emplace_back("Authorization", "Bearer " + config_.apiKey);
    return prepareHttp(config_, "chat/completions", std::move(headers), std::move(body), http);
}

CallResult OpenAICompatProvider::call(const ChatRequest& request, const CallContext& ctx)
{
    return runCall(
        ctx, [&](net::HttpRequest& http) { return prepare(request, http); },
        [&](CallResult& result) { return std::make_unique<openai::Receiver>(request.stream, ctx, result); });
}

} // namespace ts
