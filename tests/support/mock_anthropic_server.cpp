#include "mock_anthropic_server.h"

#include "mock_anthropic_scenarios.h"

#include <cstdlib>
#include <httplib.h>
#include <mutex>

namespace ts::test {

namespace {

using anthropic_mock::errorReply;
using anthropic_mock::Reply;

std::int64_t textTokens(const std::string& text)
{
    return static_cast<std::int64_t>((text.size() + 3) / 4);
}

std::int64_t contentTokens(const nlohmann::json& content)
{
    if (content.is_string())
        return textTokens(content.get<std::string>());
    std::int64_t n = 0;
    if (content.is_array())
        for (const auto& block : content) {
            if (block.contains("text") && block["text"].is_string())
                n += textTokens(block["text"].get<std::string>());
            if (block.contains("input"))
                n += textTokens(block["input"].dump());
            if (block.contains("content"))
                n += contentTokens(block["content"]);
        }
    return n;
}

Reply countTokens(const nlohmann::json& body)
{
    if (!body.is_object())
        return errorReply(400, "invalid_request_error", "request body is not valid JSON");
    for (const char* extra : {"max_tokens", "stream"})
        if (body.contains(extra))
            return errorReply(400, "invalid_request_error",
                              std::string(extra) + ": Extra inputs are not permitted");
    const std::string model = body.value("model", "");
    if (!body.contains("messages") || !body["messages"].is_array() || body["messages"].empty())
        return errorReply(400, "invalid_request_error", "messages: at least one message is required");
    if (model == "claude-overloaded")
        return errorReply(529, "overloaded_error", "Overloaded", {{"retry-after", "2"}});
    if (!model.starts_with("claude"))
        return errorReply(404, "not_found_error", "model: " + model);
    return {.body = nlohmann::json{{"input_tokens", MockAnthropicServer::countFor(body)}}.dump()};
}

} // namespace

std::int64_t MockAnthropicServer::countFor(const nlohmann::json& body)
{
    std::int64_t n = 0;
    if (body.contains("system"))
        n += 1 + contentTokens(body["system"]);
    for (const auto& m : body.value("messages", nlohmann::json::array()))
        n += 3 + contentTokens(m.value("content", nlohmann::json()));
    for (const auto& t : body.value("tools", nlohmann::json::array()))
        n += textTokens(t.dump());
    return n;
}

struct MockAnthropicServer::Impl
{
    std::string apiKey;       // set before the server starts, then only read
    mutable std::mutex mutex; // guards the two below
    anthropic_mock::Options options;
    listing_mock::Mode listingMode = listing_mock::Mode::Normal;
    MockHttp http; // last: it stops serving before the rest goes

    MockHttp::Route on(bool counting);
    Reply listReply(const httplib::Request& req) const;
    Reply replyTo(const httplib::Request& req, bool counting, const anthropic_mock::Options& opts) const;
};

MockHttp::Route MockAnthropicServer::Impl::on(bool counting)
{
    return [this, counting](const httplib::Request& req) {
        std::unique_lock lock(mutex);
        const anthropic_mock::Options opts = options;
        lock.unlock();
        return replyTo(req, counting, opts);
    };
}

Reply MockAnthropicServer::Impl::replyTo(const httplib::Request& req, bool counting,
                                         const anthropic_mock::Options& opts) const
{
    if (req.get_header_value("x-api-key") != apiKey)
        return errorReply(401, "authentication_error", "invalid x-api-key");
    if (req.get_header_value("anthropic-version").empty())
        return errorReply(400, "invalid_request_error", "anthropic-version: header is required");
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (counting)
        return countTokens(body);
    if (auto rejected = anthropic_mock::rejection(body))
        return *rejected;
    return anthropic_mock::replyFor(body, opts);
}

Reply MockAnthropicServer::Impl::listReply(const httplib::Request& req) const
{
    std::unique_lock lock(mutex);
    const listing_mock::Mode mode = listingMode;
    lock.unlock();
    if (req.get_header_value("x-api-key") != apiKey)
        return errorReply(401, "authentication_error", "invalid x-api-key");
    if (req.get_header_value("anthropic-version").empty())
        return errorReply(400, "invalid_request_error", "anthropic-version: header is required");
    const int limit = req.has_param("limit") ? std::atoi(req.get_param_value("limit").c_str()) : 20;
    return listing_mock::inMode(mode, listing_mock::anthropicList(limit, req.get_param_value("after_id")));
}

MockAnthropicServer::MockAnthropicServer(std::string apiKey) : impl_(std::make_unique<Impl>())
{
    impl_->apiKey = std::move(apiKey);
    impl_->http.post("/v1/messages/count_tokens", impl_->on(true));
    impl_->http.post("/v1/messages", impl_->on(false));
    impl_->http.get("/v1/models", [this](const httplib::Request& req) { return impl_->listReply(req); });
    impl_->http.listen("Anthropic");
}

MockAnthropicServer::~MockAnthropicServer() = default;

std::string MockAnthropicServer::baseUrl() const
{
    return impl_->http.origin();
}

void MockAnthropicServer::setDripDelay(std::chrono::milliseconds delay)
{
    std::lock_guard lock(impl_->mutex);
    impl_->options.dripDelay = delay;
}

void MockAnthropicServer::setListingMode(listing_mock::Mode mode)
{
    std::lock_guard lock(impl_->mutex);
    impl_->listingMode = mode;
}

RecordedRequest MockAnthropicServer::lastRequest() const
{
    return impl_->http.lastRequest();
}

int MockAnthropicServer::requestCount() const
{
    return impl_->http.requestCount();
}

} // namespace ts::test
