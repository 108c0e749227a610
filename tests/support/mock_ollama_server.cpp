#include "mock_ollama_server.h"

#include "mock_ollama_scenarios.h"

#include <httplib.h>
#include <mutex>

namespace ts::test {

using ollama_mock::Reply;

struct MockOllamaServer::Impl
{
    enum class Route { Chat, Embed };

    mutable std::mutex mutex; // guards options
    ollama_mock::Options options;
    MockHttp http; // last: it stops serving before the rest goes

    MockHttp::Route on(Route route);
    Reply replyTo(const httplib::Request& req, Route route);
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

MockOllamaServer::MockOllamaServer() : impl_(std::make_unique<Impl>())
{
    impl_->http.post("/api/chat", impl_->on(Impl::Route::Chat));
    impl_->http.post("/api/embed", impl_->on(Impl::Route::Embed));
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

RecordedRequest MockOllamaServer::lastRequest() const
{
    return impl_->http.lastRequest();
}

int MockOllamaServer::requestCount() const
{
    return impl_->http.requestCount();
}

} // namespace ts::test
