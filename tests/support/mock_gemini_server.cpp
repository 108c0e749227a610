#include "mock_gemini_server.h"

#include "mock_gemini_checks.h"
#include "mock_gemini_scenarios.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csignal>
#include <httplib.h>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace ts::test {

namespace {

using gemini_mock::Reply;

constexpr auto kSlice = std::chrono::milliseconds(5);
constexpr auto kLongestStall = std::chrono::seconds(60);

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The path as the client sent it, query included, so tests see ?alt=sse.
RecordedRequest record(const httplib::Request& req)
{
    std::string path = req.path;
    for (const auto& [name, value] : req.params)
        path += (path.find('?') == std::string::npos ? "?" : "&") + name + "=" + value;
    RecordedRequest out{req.method, path, {}, req.body};
    for (const auto& [name, value] : req.headers)
        out.headers.emplace_back(lowerAscii(name), value);
    return out;
}

} // namespace

struct MockGeminiServer::Impl
{
    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::string apiKey; // set before the server starts, then only read
    std::atomic<bool> stopping{false};
    mutable std::mutex mutex; // guards everything below
    RecordedRequest last;
    std::string lastModel;
    int count = 0;
    gemini_mock::Options options;

    void handle(const httplib::Request& req, httplib::Response& res);
    Reply replyTo(const httplib::Request& req, const gemini_mock::Options& opts) const;
    void send(Reply reply, httplib::Response& res);
    bool write(const Reply& reply, httplib::DataSink& sink) const;
    bool pause(std::chrono::milliseconds delay) const;
};

void MockGeminiServer::Impl::handle(const httplib::Request& req, httplib::Response& res)
{
    std::unique_lock lock(mutex);
    last = record(req);
    lastModel = req.matches[1];
    ++count;
    const gemini_mock::Options opts = options;
    lock.unlock();
    send(replyTo(req, opts), res);
}

Reply MockGeminiServer::Impl::replyTo(const httplib::Request& req, const gemini_mock::Options& opts) const
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
    const bool stream = req.matches[2] == "streamGenerateContent";
    if (stream && req.get_param_value("alt") != "sse")
        return gemini_mock::errorReply(400, "INVALID_ARGUMENT", "this mock streams only with alt=sse");
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (auto rejected = gemini_mock::rejection(body))
        return *rejected;
    return gemini_mock::replyFor(req.matches[1], stream, opts);
}

void MockGeminiServer::Impl::send(Reply reply, httplib::Response& res)
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
        contentType,
        [this, reply = std::move(reply)](size_t, httplib::DataSink& sink) { return write(reply, sink); });
}

// Returning false from a content provider makes httplib drop the connection mid-body.
bool MockGeminiServer::Impl::write(const Reply& reply, httplib::DataSink& sink) const
{
    for (const gemini_mock::Piece& piece : reply.pieces)
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
bool MockGeminiServer::Impl::pause(std::chrono::milliseconds delay) const
{
    const auto until = std::chrono::steady_clock::now() + delay;
    while (!stopping && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(kSlice, until - std::chrono::steady_clock::now()));
    return !stopping;
}

MockGeminiServer::MockGeminiServer(std::string apiKey) : impl_(std::make_unique<Impl>())
{
    // Replies keep writing to clients that hung up on purpose; that must not kill the test.
    std::signal(SIGPIPE, SIG_IGN);
    impl_->apiKey = std::move(apiKey);
    impl_->server.set_tcp_nodelay(true);
    // The model may itself hold a ':' (a replay name): the method is what follows the last one.
    impl_->server.Post(
        R"(/v1beta/models/(.+):(streamGenerateContent|generateContent))",
        [this](const httplib::Request& req, httplib::Response& res) { impl_->handle(req, res); });
    impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
    if (impl_->port <= 0)
        throw std::runtime_error("mock Gemini server: cannot bind a loopback port");
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
    // stop() is a no-op until the accept loop runs, so a quick destructor would otherwise hang.
    while (!impl_->server.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

MockGeminiServer::~MockGeminiServer()
{
    impl_->stopping = true;
    impl_->server.stop();
    if (impl_->thread.joinable())
        impl_->thread.join();
}

std::string MockGeminiServer::baseUrl() const
{
    return "http://127.0.0.1:" + std::to_string(impl_->port);
}

void MockGeminiServer::setDripDelay(std::chrono::milliseconds delay)
{
    std::lock_guard lock(impl_->mutex);
    impl_->options.dripDelay = delay;
}

RecordedRequest MockGeminiServer::lastRequest() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->last;
}

std::string MockGeminiServer::lastModel() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->lastModel;
}

int MockGeminiServer::requestCount() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->count;
}

} // namespace ts::test
