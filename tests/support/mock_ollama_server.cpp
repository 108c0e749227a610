#include "mock_ollama_server.h"

#include "mock_ollama_scenarios.h"

#include <httplib.h>
#include <mutex>

namespace ts::test {

using ollama_mock::Reply;

struct MockOllamaServer::Impl
{
    enum class Route { Chat, Embed };

    mutable std::mutex mutex; // guards the three below
    ollama_mock::Options options;
    std::string apiKey;
    listing_mock::Mode listingMode = listing_mock::Mode::Normal;
    MockHttp http; // last: it stops serving before the rest goes

    MockHttp::Route on(Route route);
    Reply replyTo(const httplib::Request& req, Route route);
    Reply listReply(const httplib::Request& req) const;
};

MockHttp::Route MockOllamaServer::Impl::on(Route route)
{
    return [this, route](const httplib::Request& req) { return replyTo(req, route); };
}

Reply MockOllamaServer::Impl::replyTo(const httplib::Request& req, Route route)
{
    std::unique_lock lock(mutex);
    const ollama_mock::Options opts = options;
    lock.unlock();
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (auto rejected = ollama_mock::rejection(body))
        return *rejected;
    return route == Route::Chat ? ollama_mock::chatReply(body, opts) : ollama_mock::embedReply(body);
}

Reply MockOllamaServer::Impl::listReply(const httplib::Request& req) const
{
    std::unique_lock lock(mutex);
    const std::string key = apiKey;
    const listing_mock::Mode mode = listingMode;
    lock.unlock();
    if (!key.empty() && req.get_header_value("Authorization") != "Bearer " + key)
        return listing_mock::ollamaUnauthorized();
    return listing_mock::inMode(mode, listing_mock::ollamaList());
}

MockOllamaServer::MockOllamaServer() : impl_(std::make_unique<Impl>())
{
    impl_->http.post("/api/chat", impl_->on(Impl::Route::Chat));
    impl_->http.post("/api/embed", impl_->on(Impl::Route::Embed));
    impl_->http.get("/api/tags", [this](const httplib::Request& req) { return impl_->listReply(req); });
    impl_->http.listen("Ollama");
}

MockOllamaServer::~MockOllamaServer() = default;

std::string MockOllamaServer::baseUrl() const
{
    return impl_->http.origin();
}

void MockOllamaServer::setDripDelay(std::chrono::milliseconds delay)
{
    std::lock_guard lock(impl_->mutex);
    impl_->options.dripDelay = delay;
}

void MockOllamaServer::setApiKey(std::string key)
{
    std::lock_guard lock(impl_->mutex);
    impl_->apiKey = std::move(key);
}

void MockOllamaServer::setListingMode(listing_mock::Mode mode)
{
    std::lock_guard lock(impl_->mutex);
    impl_->listingMode = mode;
}

RecordedRequest MockOllamaServer::lastRequest() const
{
    return impl_->http.lastRequest();
}

int MockOllamaServer::requestCount() const
{
    return impl_->http.requestCount();
}

} // namespace ts::test
