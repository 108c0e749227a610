#include "mock_openai_server.h"

#include "mock_openai_embeddings.h"
#include "mock_openai_responses.h"
#include "mock_openai_scenarios.h"

#include <httplib.h>
#include <mutex>
#include <optional>

namespace ts::test {

namespace {

// The checks OpenAI makes before it looks at the model.
std::optional<mock::Reply> rejection(const nlohmann::json& request)
{
    if (!request.is_object())
        return mock::invalidRequest("We could not parse the JSON body of your request.");
    if (!request.contains("model") || !request["model"].is_string())
        return mock::invalidRequest("you must provide a model parameter");
    if (!request.contains("messages") || !request["messages"].is_array() || request["messages"].empty())
        return mock::invalidRequest("'messages' must contain at least one message");
    if (request.contains("stream") && !request["stream"].is_boolean())
        return mock::invalidRequest("'stream' must be a boolean");
    return std::nullopt;
}

} // namespace

struct MockOpenAIServer::Impl
{
    enum class Route { Chat, Responses, Embeddings };

    mutable std::mutex mutex; // guards the two below
    std::string apiKey;
    mock::Options options;
    listing_mock::Mode listingMode = listing_mock::Mode::Normal;
    MockHttp http; // last: it stops serving before the rest goes

    MockHttp::Route on(Route route);
    mock::Reply replyTo(Route route, const httplib::Request& req);
    mock::Reply listReply(const httplib::Request& req);
    static mock::Reply routed(Route route, const nlohmann::json& request, const mock::Options& opts);
};

MockHttp::Route MockOpenAIServer::Impl::on(Route route)
{
    return [this, route](const httplib::Request& req) { return replyTo(route, req); };
}

mock::Reply MockOpenAIServer::Impl::replyTo(Route route, const httplib::Request& req)
{
    std::unique_lock lock(mutex);
    const std::string key = apiKey;
    const mock::Options opts = options;
    lock.unlock();
    // Azure OpenAI: /openai/deployments/NAME/chat/completions?api-version=V with an api-key header.
    const bool azure = req.path.starts_with("/openai/deployments/");
    if (azure && !req.has_param("api-version"))
        return mock::azureResourceNotFound();
    if (!key.empty() && (azure ? req.get_header_value("api-key") != key
                               : req.get_header_value("Authorization") != "Bearer " + key))
        return azure ? mock::azureAccessDenied() : mock::invalidApiKey();
    return routed(route, nlohmann::json::parse(req.body, nullptr, false), opts);
}

mock::Reply MockOpenAIServer::Impl::listReply(const httplib::Request& req)
{
    std::unique_lock lock(mutex);
    const std::string key = apiKey;
    const listing_mock::Mode mode = listingMode;
    lock.unlock();
    const std::string presented = req.get_header_value("Authorization");
    if (!key.empty() && presented != "Bearer " + key)
        return listing_mock::openaiUnauthorized(presented.starts_with("Bearer ") ? presented.substr(7) : presented);
    return listing_mock::inMode(mode, listing_mock::openaiList());
}

mock::Reply MockOpenAIServer::Impl::routed(Route route, const nlohmann::json& request,
                                           const mock::Options& opts)
{
    if (route == Route::Embeddings)
        return embeddings_mock::replyFor(request);
    if (route == Route::Responses) {
        if (auto rejected = responses_mock::rejection(request))
            return *rejected;
        return responses_mock::replyFor(request, opts);
    }
    if (auto rejected = rejection(request))
        return *rejected;
    return mock::replyFor(request, opts);
}

MockOpenAIServer::MockOpenAIServer() : impl_(std::make_unique<Impl>())
{
    impl_->http.post("/v1/chat/completions", impl_->on(Impl::Route::Chat));
    impl_->http.post(R"(/openai/deployments/([^/]+)/chat/completions)", impl_->on(Impl::Route::Chat));
    impl_->http.post("/v1/responses", impl_->on(Impl::Route::Responses));
    impl_->http.post("/v1/embeddings", impl_->on(Impl::Route::Embeddings));
    impl_->http.get("/v1/models", [this](const httplib::Request& req) { return impl_->listReply(req); });
    impl_->http.listen("OpenAI");
}

MockOpenAIServer::~MockOpenAIServer() = default;

int MockOpenAIServer::port() const
{
    return impl_->http.port();
}

std::string MockOpenAIServer::baseUrl() const
{
    return impl_->http.origin() + "/v1";
}

void MockOpenAIServer::setApiKey(std::string key)
{
    std::lock_guard lock(impl_->mutex);
    impl_->apiKey = std::move(key);
}

void MockOpenAIServer::setDripDelay(std::chrono::milliseconds delay)
{
    std::lock_guard lock(impl_->mutex);
    impl_->options.dripDelay = delay;
}

void MockOpenAIServer::setListingMode(listing_mock::Mode mode)
{
    std::lock_guard lock(impl_->mutex);
    impl_->listingMode = mode;
}

RecordedRequest MockOpenAIServer::lastRequest() const
{
    return impl_->http.lastRequest();
}

int MockOpenAIServer::requestCount() const
{
    return impl_->http.requestCount();
}

} // namespace ts::test
