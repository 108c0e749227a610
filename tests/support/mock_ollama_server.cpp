#include "mock_ollama_server.h"

#include "mock_ollama_scenarios.h"

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

using ollama_mock::Reply;

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

} // namespace

struct MockOllamaServer::Impl
{
    enum class Route { Chat, Embed };

    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::atomic<bool> stopping{false};
    mutable std::mutex mutex; // guards everything below
    RecordedRequest last;
    int count = 0;
    ollama_mock::Options options;

    void handle(const httplib::Request& req, httplib::Response& res, Route route);
    void send(Reply reply, httplib::Response& res);
    bool write(const Reply& reply, httplib::DataSink& sink) const;
    bool pause(std::chrono::milliseconds delay) const;
};

void MockOllamaServer::Impl::handle(const httplib::Request& req, httplib::Response& res, Route route)
{
    std::unique_lock lock(mutex);
    last = record(req);
    ++count;
    const ollama_mock::Options opts = options;
    lock.unlock();
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (auto rejected = ollama_mock::rejection(body))
        return send(*rejected, res);
    send(route == Route::Chat ? ollama_mock::chatReply(body, opts) : ollama_mock::embedReply(body), res);
}

void MockOllamaServer::Impl::send(Reply reply, httplib::Response& res)
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
bool MockOllamaServer::Impl::write(const Reply& reply, httplib::DataSink& sink) const
{
    for (const ollama_mock::Piece& piece : reply.pieces)
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
bool MockOllamaServer::Impl::pause(std::chrono::milliseconds delay) const
{
    const auto until = std::chrono::steady_clock::now() + delay;
    while (!stopping && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(kSlice, until - std::chrono::steady_clock::now()));
    return !stopping;
}

MockOllamaServer::MockOllamaServer() : impl_(std::make_unique<Impl>())
{
    // Replies keep writing to clients that hung up on purpose; that must not kill the test.
    std::signal(SIGPIPE, SIG_IGN);
    impl_->server.set_tcp_nodelay(true);
    const auto route = [this](Impl::Route r) {
        return [this, r](const httplib::Request& req, httplib::Response& res) { impl_->handle(req, res, r); };
    };
    impl_->server.Post("/api/chat", route(Impl::Route::Chat));
    impl_->server.Post("/api/embed", route(Impl::Route::Embed));
    impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
    if (impl_->port <= 0)
        throw std::runtime_error("mock Ollama server: cannot bind a loopback port");
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
    // stop() is a no-op until the accept loop runs, so a quick destructor would otherwise hang.
    while (!impl_->server.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

MockOllamaServer::~MockOllamaServer()
{
    impl_->stopping = true;
    impl_->server.stop();
    if (impl_->thread.joinable())
        impl_->thread.join();
}

std::string MockOllamaServer::baseUrl() const
{
    return "http://127.0.0.1:" + std::to_string(impl_->port);
}

void MockOllamaServer::setDripDelay(std::chrono::milliseconds delay)
{
    std::lock_guard lock(impl_->mutex);
    impl_->options.dripDelay = delay;
}

RecordedRequest MockOllamaServer::lastRequest() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->last;
}

int MockOllamaServer::requestCount() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->count;
}

} // namespace ts::test
