#include "mock_anthropic_server.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace ts::test {

namespace {

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

void sendError(httplib::Response& res, int status, const std::string& type, const std::string& message)
{
    res.status = status;
    nlohmann::json body{{"type", "error"}, {"error", {{"type", type}, {"message", message}}}};
    res.set_content(body.dump(), "application/json");
}

std::int64_t textTokens(const std::string& text) { return static_cast<std::int64_t>((text.size() + 3) / 4); }

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
    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::string apiKey;
    mutable std::mutex mutex;
    RecordedRequest last;

    void handle(const httplib::Request& req, httplib::Response& res)
    {
        {
            std::lock_guard lock(mutex);
            last = RecordedRequest{req.method, req.path, {}, req.body};
            for (const auto& [name, value] : req.headers)
                last.headers.emplace_back(lowerAscii(name), value);
        }
        if (req.get_header_value("x-api-key") != apiKey)
            return sendError(res, 401, "authentication_error", "invalid x-api-key");
        if (req.get_header_value("anthropic-version").empty())
            return sendError(res, 400, "invalid_request_error", "anthropic-version: header is required");
        const auto body = nlohmann::json::parse(req.body, nullptr, false);
        if (!body.is_object())
            return sendError(res, 400, "invalid_request_error", "request body is not valid JSON");
        for (const char* extra : {"max_tokens", "stream"})
            if (body.contains(extra))
                return sendError(res, 400, "invalid_request_error", std::string(extra) + ": Extra inputs are not permitted");
        const std::string model = body.value("model", "");
        if (!body.contains("messages") || !body["messages"].is_array() || body["messages"].empty())
            return sendError(res, 400, "invalid_request_error", "messages: at least one message is required");
        if (model == "claude-overloaded") {
            res.set_header("retry-after", "2");
            return sendError(res, 529, "overloaded_error", "Overloaded");
        }
        if (!model.starts_with("claude"))
            return sendError(res, 404, "not_found_error", "model: " + model);
        res.set_content(nlohmann::json{{"input_tokens", countFor(body)}}.dump(), "application/json");
    }
};

MockAnthropicServer::MockAnthropicServer(std::string apiKey) : impl_(std::make_unique<Impl>())
{
    impl_->apiKey = std::move(apiKey);
    impl_->server.Post("/v1/messages/count_tokens",
                       [this](const httplib::Request& req, httplib::Response& res) { impl_->handle(req, res); });
    impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
    if (impl_->port <= 0)
        throw std::runtime_error("mock Anthropic server: cannot bind a loopback port");
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
    // stop() is a no-op until the accept loop runs, so a quick destructor would otherwise hang.
    while (!impl_->server.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

MockAnthropicServer::~MockAnthropicServer()
{
    impl_->server.stop();
    if (impl_->thread.joinable())
        impl_->thread.join();
}

std::string MockAnthropicServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }

RecordedRequest MockAnthropicServer::lastRequest() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->last;
}

} // namespace ts::test
