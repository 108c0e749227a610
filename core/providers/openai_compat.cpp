#include "providers/openai_compat.h"

#include "providers/openai_receiver.h"
#include "providers/openai_wire.h"
#include "providers/secret_headers.h"

#include <stdexcept>

namespace ts {

namespace {

ProviderError configError(std::string message)
{
    return ProviderError{.kind = ProviderError::Kind::Config, .message = std::move(message)};
}

std::string endpoint(std::string baseUrl)
{
    while (baseUrl.ends_with('/'))
        baseUrl.pop_back();
    return baseUrl + "/chat/completions";
}

Exchange exchangeFor(const net::HttpRequest& http)
{
    Exchange exchange;
    exchange.method = http.method;
    exchange.url = http.url;
    exchange.requestHeaders = redactSecrets(http.headers);
    exchange.requestBody = http.body;
    return exchange;
}

} // namespace

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
    if (!config_.baseUrl.starts_with("http://") && !config_.baseUrl.starts_with("https://"))
        return configError("base URL must start with http:// or https://: '" + config_.baseUrl + "'");
    if (request.model.empty())
        return configError("no model given");
    try {
        // Invalid UTF-8 in a message is replaced rather than refused.
        http.body = openai::requestJson(request).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const std::invalid_argument& e) {
        return configError(e.what());
    }
    http.url = endpoint(config_.baseUrl);
    http.headers = {{"Content-Type", "application/json"},
                    {"Accept", request.stream ? "text/event-stream" : "application/json"}};
    if (!config_.apiKey.empty())
        http.headers.emplace_back("Authorization", "Bearer " + config_.apiKey);
    http.headers.insert(http.headers.end(), config_.extraHeaders.begin(), config_.extraHeaders.end());
    http.proxy = config_.proxy;
    http.connectTimeout = config_.connectTimeout;
    http.idleTimeout = config_.idleTimeout;
    http.totalTimeout = config_.totalTimeout;
    return std::nullopt;
}

CallResult OpenAICompatProvider::call(const ChatRequest& request, const CallContext& ctx)
{
    CallResult result;
    result.startedAt = ctx.clock->now();
    net::HttpRequest http;
    if (auto error = prepare(request, http)) {
        result.error = std::move(*error);
        result.finishedAt = result.startedAt;
        return result;
    }
    result.exchange = exchangeFor(http);
    openai::Receiver receiver(request.stream, ctx, result);
    const net::HttpResponse response = net::perform(
        http, ctx.cancel, [&](int status, const std::vector<Header>& headers) { receiver.onHeaders(status, headers); },
        [&](std::string_view bytes) { return receiver.onData(bytes); });
    receiver.finish(response);
    return result;
}

} // namespace ts
