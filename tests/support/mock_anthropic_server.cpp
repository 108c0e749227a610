#include "mock_anthropic_server.h"

#include "mock_anthropic_scenarios.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csignal>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace ts::test {

namespace {

using anthropic_mock::Reply;
using anthropic_mock::errorReply;

constexpr auto kSlice = std::chrono::milliseconds(5);
constexpr auto kLongestStall = std::chrono::seconds(60);

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

RecordedRequest record(const httplib::Request& req)
{
    RecordedRequest out{req.method, req.path, {}, req.body};
    for (const auto& [name, value] : req.headers)
        out.headers.emplace_back(lowerAscii(name), value);
    return out;
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
    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::string apiKey; // set before the server starts, then only read
    std::atomic<bool> stopping{false};
    mutable std::mutex mutex; // guards everything below
    RecordedRequest last;
    int count = 0;
    anthropic_mock::Options options;

    void handle(const httplib::Request& req, httplib::Response& res, bool counting);
    Reply replyTo(const httplib::Request& req, bool counting, const anthropic_mock::Options& opts) const;
    void send(Reply reply, httplib::Response& res);
    bool write(const Reply& reply, httplib::DataSink& sink) const;
    bool pause(std::chrono::milliseconds delay) const;
};

void MockAnthropicServer::Impl::handle(const httplib::Request& req, httplib::Response& res, bool counting)
{
    std::unique_lock lock(mutex);
    last = record(req);
    ++count;
    const anthropic_mock::Options opts = options;
    lock.unlock();
    send(replyTo(req, counting, opts), res);
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

void MockAnthropicServer::Impl::send(Reply reply, httplib::Response& res)
{
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers)
        res.set_header(name, value);
    if (reply.pieces.empty()) {
        res.set_content(reply.body, reply.contentType);
        return;
    }
    const std::string contentType = reply.contentType;
    res.set_chunked_content_provider(
        contentType, [this, reply = std::move(reply)](size_t, httplib::DataSink& sink) { return write(reply, sink); });
}

// Returning false from a content provider makes httplib drop the connection mid-body.
bool MockAnthropicServer::Impl::write(const Reply& reply, httplib::DataSink& sink) const
{
    for (const anthropic_mock::Piece& piece : reply.pieces)
        if (!pause(piece.delayBefore) || !sink.write(piece.bytes.data(), piece.bytes.size()))
            return false;
    if (reply.end == Reply::End::Stall)
        pause(kLongestStall);
    if (reply.end != Reply::End::Complete)
        return false;
    sink.done();
    return true;
}

// Sleeps in short slices so stopping the server never waits on a reply; false once stopping.
bool MockAnthropicServer::Impl::pause(std::chrono::milliseconds delay) const
{
    const auto until = std::chrono::steady_clock::now() + delay;
    while (!stopping && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(kSlice, until - std::chrono::steady_clock::now()));
    return !stopping;
}

MockAnthropicServer::MockAnthropicServer(std::string apiKey) : impl_(std::make_unique<Impl>())
{
    // Replies keep writing to clients that hung up on purpose; that must not kill the test.
    std::signal(SIGPIPE, SIG_IGN);
    impl_->apiKey = std::move(apiKey);
    impl_->server.set_tcp_nodelay(true);
    const auto route = [this](bool counting) {
        return [this, counting](const httplib::Request& req, httplib::Response& res) {
            impl_->handle(req, res, counting);
        };
    };
    impl_->server.Post("/v1/messages/count_tokens", route(true));
    impl_->server.Post("/v1/messages", route(false));
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
    impl_->stopping = true;
    impl_->server.stop();
    if (impl_->thread.joinable())
        impl_->thread.join();
}

std::string MockAnthropicServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }

void MockAnthropicServer::setDripDelay(std::chrono::milliseconds delay)
{
    std::lock_guard lock(impl_->mutex);
    impl_->options.dripDelay = delay;
}

RecordedRequest MockAnthropicServer::lastRequest() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->last;
}

int MockAnthropicServer::requestCount() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->count;
}

} // namespace ts::test
