#include "mock_gemini_server.h"

#include "mock_gemini_checks.h"
#include "mock_gemini_scenarios.h"

#include <cstdlib>
#include <httplib.h>
#include <mutex>
#include <optional>

namespace ts::test {

using gemini_mock::Reply;

struct MockGeminiServer::Impl
{
    std::string apiKey;       // set before the server starts, then only read
    mutable std::mutex mutex; // guards the three below
    std::string lastModel;
    gemini_mock::Options options;
    listing_mock::Mode listingMode = listing_mock::Mode::Normal;
    MockHttp http; // last: it stops serving before the rest goes

    Reply handle(const httplib::Request& req);
    Reply replyTo(const httplib::Request& req, const gemini_mock::Options& opts) const;
    std::optional<Reply> refusedKey(const httplib::Request& req) const;
    Reply listReply(const httplib::Request& req) const;
};

Reply MockGeminiServer::Impl::handle(const httplib::Request& req)
{
    std::unique_lock lock(mutex);
    lastModel = req.matches[1];
    const gemini_mock::Options opts = options;
    lock.unlock();
    return replyTo(req, opts);
}

std::optional<Reply> MockGeminiServer::Impl::refusedKey(const httplib::Request& req) const
{
    const std::string key = req.has_header("x-goog-api-key") ? req.get_header_value("x-goog-api-key")
                                                             : req.get_param_value("key");
    if (key.empty())
        return gemini_mock::errorReply(
            403, "PERMISSION_DENIED",
            "Method doesn't allow unregistered callers (callers without established "
            "identity). Please use API Key or other form of API consumer identity to "
            "call this API.");
    if (key != apiKey)
        return gemini_mock::recordedError(400, "api_key_invalid");
    return std::nullopt;
}

Reply MockGeminiServer::Impl::listReply(const httplib::Request& req) const
{
    std::unique_lock lock(mutex);
    const listing_mock::Mode mode = listingMode;
    lock.unlock();
    if (auto refused = refusedKey(req))
        return *refused;
    const int size = req.has_param("pageSize") ? std::atoi(req.get_param_value("pageSize").c_str()) : 50;
    return listing_mock::inMode(mode, listing_mock::geminiList(size, req.get_param_value("pageToken")));
}

Reply MockGeminiServer::Impl::replyTo(const httplib::Request& req, const gemini_mock::Options& opts) const
{
    if (auto refused = refusedKey(req))
        return *refused;
    const bool stream = req.matches[2] == "streamGenerateContent";
    if (stream && req.get_param_value("alt") != "sse")
        return gemini_mock::errorReply(400, "INVALID_ARGUMENT", "this mock streams only with alt=sse");
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (auto rejected = gemini_mock::rejection(body))
        return *rejected;
    const std::string model = req.matches[1];
    if (model.starts_with("gemini-3"))
        if (auto rejected = gemini_mock::unsignedCall(body))
            return *rejected;
    return gemini_mock::replyFor(model, stream, opts);
}

MockGeminiServer::MockGeminiServer(std::string apiKey) : impl_(std::make_unique<Impl>())
{
    impl_->apiKey = std::move(apiKey);
    // Tests see the path as the client sent it, ?alt=sse included.
    impl_->http.recordQueries();
    // The model may itself hold a ':' (a replay name): the method is what follows the last one.
    impl_->http.post(R"(/v1beta/models/(.+):(streamGenerateContent|generateContent))",
                     [this](const httplib::Request& req) { return impl_->handle(req); });
    impl_->http.get("/v1beta/models", [this](const httplib::Request& req) { return impl_->listReply(req); });
    impl_->http.listen("Gemini");
}

MockGeminiServer::~MockGeminiServer() = default;

std::string MockGeminiServer::baseUrl() const
{
    return impl_->http.origin();
}

void MockGeminiServer::setDripDelay(std::chrono::milliseconds delay)
{
    std::lock_guard lock(impl_->mutex);
    impl_->options.dripDelay = delay;
}

void MockGeminiServer::setListingMode(listing_mock::Mode mode)
{
    std::lock_guard lock(impl_->mutex);
    impl_->listingMode = mode;
}

RecordedRequest MockGeminiServer::lastRequest() const
{
    return impl_->http.lastRequest();
}

std::string MockGeminiServer::lastModel() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->lastModel;
}

int MockGeminiServer::requestCount() const
{
    return impl_->http.requestCount();
}

} // namespace ts::test
