#include "mock_http.h"

#include "net/http_client.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csignal>
#include <httplib.h>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace ts::test {

std::string RecordedRequest::header(std::string_view lowerName) const
{
    return net::headerValue(headers, lowerName);
}

nlohmann::json RecordedRequest::json() const
{
    return nlohmann::json::parse(body, nullptr, false);
}

namespace {

constexpr auto kSlice = std::chrono::milliseconds(5);
constexpr auto kLongestStall = std::chrono::seconds(60);

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

RecordedRequest record(const httplib::Request& req, bool withQuery)
{
    std::string path = req.path;
    if (withQuery)
        for (const auto& [name, value] : req.params)
            path += (path.find('?') == std::string::npos ? "?" : "&") + name + "=" + value;
    RecordedRequest out{req.method, path, {}, req.body};
    for (const auto& [name, value] : req.headers)
        out.headers.emplace_back(lowerAscii(name), value);
    return out;
}

} // namespace

struct MockHttp::Impl
{
    httplib::Server server;
    std::thread thread;
    int port = 0;
    bool withQuery = false; // set before the server starts, then only read
    std::atomic<bool> stopping{false};
    mutable std::mutex mutex; // guards everything below
    RecordedRequest last;
    int count = 0;

    void send(mock::Reply reply, httplib::Response& res);
    bool write(const mock::Reply& reply, httplib::DataSink& sink) const;
    bool pause(std::chrono::milliseconds delay) const;
};

void MockHttp::Impl::send(mock::Reply reply, httplib::Response& res)
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
bool MockHttp::Impl::write(const mock::Reply& reply, httplib::DataSink& sink) const
{
    for (const mock::Piece& piece : reply.pieces)
        if (!pause(piece.delayBefore) || !sink.write(piece.bytes.data(), piece.bytes.size()))
            return false;
    if (reply.end == mock::Reply::End::Stall)
        pause(kLongestStall);
    if (reply.end != mock::Reply::End::Complete)
        return false;
    sink.done();
    return true;
}

// Sleeps in short slices so stopping the server never waits on a reply; false once stopping.
bool MockHttp::Impl::pause(std::chrono::milliseconds delay) const
{
    const auto until = std::chrono::steady_clock::now() + delay;
    while (!stopping && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(kSlice, until - std::chrono::steady_clock::now()));
    return !stopping;
}

MockHttp::MockHttp() : impl_(std::make_unique<Impl>())
{
    // Replies keep writing to clients that hung up on purpose; that must not kill the test.
    std::signal(SIGPIPE, SIG_IGN);
    impl_->server.set_tcp_nodelay(true);
}

MockHttp::~MockHttp()
{
    impl_->stopping = true;
    impl_->server.stop();
    if (impl_->thread.joinable())
        impl_->thread.join();
}

void MockHttp::post(const std::string& pattern, Route route)
{
    impl_->server.Post(pattern, handler(std::move(route)));
}

void MockHttp::get(const std::string& pattern, Route route)
{
    impl_->server.Get(pattern, handler(std::move(route)));
}

std::function<void(const httplib::Request&, httplib::Response&)> MockHttp::handler(Route route)
{
    return [this, route = std::move(route)](const httplib::Request& req, httplib::Response& res) {
        {
            std::lock_guard lock(impl_->mutex);
            impl_->last = record(req, impl_->withQuery);
            ++impl_->count;
        }
        impl_->send(route(req), res);
    };
}

void MockHttp::recordQueries()
{
    impl_->withQuery = true;
}

void MockHttp::listen(std::string_view name)
{
    // One request per connection: clients keep idle connections for reuse (net::perform does), and
    // a server waiting out a kept connection would hold up every mock's shutdown by its keep-alive
    // timeout. Closing after each answer is what these tests want of a server anyway.
    impl_->server.set_keep_alive_max_count(1);
    impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
    if (impl_->port <= 0)
        throw std::runtime_error("mock " + std::string(name) + " server: cannot bind a loopback port");
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
    // stop() is a no-op until the accept loop runs, so a quick destructor would otherwise hang.
    while (!impl_->server.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

int MockHttp::port() const
{
    return impl_->port;
}

std::string MockHttp::origin() const
{
    return "http://127.0.0.1:" + std::to_string(impl_->port);
}

RecordedRequest MockHttp::lastRequest() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->last;
}

int MockHttp::requestCount() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->count;
}

} // namespace ts::test
