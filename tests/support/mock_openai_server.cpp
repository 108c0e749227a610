#include "mock_openai_server.h"

#include "mock_openai_embeddings.h"
#include "mock_openai_responses.h"
#include "mock_openai_scenarios.h"
#include "net/http_client.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csignal>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace ts::test {

std::string RecordedRequest::header(std::string_view lowerName) const
{
    return net::headerValue(headers, lowerName);
}

nlohmann::json RecordedRequest::json() const { return nlohmann::json::parse(body, nullptr, false); }

namespace {

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

    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::atomic<bool> stopping{false};
    mutable std::mutex mutex; // guards everything below
    RecordedRequest last;
    int count = 0;
    std::string apiKey;
    mock::Options options;

    httplib::Server::Handler on(Route route);
    mock::Reply replyTo(Route route, const httplib::Request& req);
    static mock::Reply routed(Route route, const nlohmann::json& request, const mock::Options& opts);
    void send(mock::Reply reply, httplib::Response& res);
    bool write(const mock::Reply& reply, httplib::DataSink& sink);
    bool pause(std::chrono::milliseconds delay) const;
};

httplib::Server::Handler MockOpenAIServer::Impl::on(Route route)
{
    return [this, route](const httplib::Request& req, httplib::Response& res) {
        {
            std::lock_guard lock(mutex);
            last = record(req);
            ++count;
        }
        send(replyTo(route, req), res);
    };
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

mock::Reply MockOpenAIServer::Impl::routed(Route route, const nlohmann::json& request, const mock::Options& opts)
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

void MockOpenAIServer::Impl::send(mock::Reply reply, httplib::Response& res)
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
bool MockOpenAIServer::Impl::write(const mock::Reply& reply, httplib::DataSink& sink)
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
bool MockOpenAIServer::Impl::pause(std::chrono::milliseconds delay) const
{
    const auto until = std::chrono::steady_clock::now() + delay;
    while (!stopping && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
            kSlice, until - std::chrono::steady_clock::now()));
    return !stopping;
}

MockOpenAIServer::MockOpenAIServer() : impl_(std::make_unique<Impl>())
{
    // Replies keep writing to clients that hung up on purpose; that must not kill the test.
    std::signal(SIGPIPE, SIG_IGN);
    impl_->server.set_tcp_nodelay(true);
    impl_->server.Post("/v1/chat/completions", impl_->on(Impl::Route::Chat));
    impl_->server.Post(R"(/openai/deployments/([^/]+)/chat/completions)", impl_->on(Impl::Route::Chat));
    impl_->server.Post("/v1/responses", impl_->on(Impl::Route::Responses));
    impl_->server.Post("/v1/embeddings", impl_->on(Impl::Route::Embeddings));
    impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
    if (impl_->port <= 0)
        throw std::runtime_error("mock OpenAI server: cannot bind 127.0.0.1");
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
    // stop() is a no-op until the accept loop runs, so a quick destructor would otherwise hang.
    while (!impl_->server.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

MockOpenAIServer::~MockOpenAIServer()
{
    impl_->stopping = true;
    impl_->server.stop();
    impl_->thread.join();
}

int MockOpenAIServer::port() const { return impl_->port; }

std::string MockOpenAIServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(impl_->port) + "/v1"; }

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

RecordedRequest MockOpenAIServer::lastRequest() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->last;
}

int MockOpenAIServer::requestCount() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->count;
}

} // namespace ts::test
