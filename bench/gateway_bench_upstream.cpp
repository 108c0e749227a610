#include "gateway_bench_upstream.h"

#include "gateway_bench_socket.h"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define TS_BENCH_CALLGRIND_START() CALLGRIND_START_INSTRUMENTATION
#define TS_BENCH_CALLGRIND_STOP() CALLGRIND_STOP_INSTRUMENTATION
#else
#define TS_BENCH_CALLGRIND_START() ((void)0)
#define TS_BENCH_CALLGRIND_STOP() ((void)0)
#endif

namespace ts::bench {

namespace {

std::string completionJson()
{
    return std::string(R"({"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",)"
                       R"("choices":[{"index":0,"message":{"role":"assistant","content":")") +
           kReplyText +
           R"("},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19}})";
}

std::string chunk(std::string_view data)
{
    char size[32];
    const int n = std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    return std::string(size, static_cast<std::size_t>(n)) + std::string(data) + "\r\n";
}

std::string sseEvent(std::string_view delta, std::string_view finish, std::string_view usage)
{
    return std::string(R"(data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,)"
                       R"("model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":)") +
           std::string(delta) + R"(,"finish_reason":)" + std::string(finish) + "}]" + std::string(usage) + "}\n\n";
}

// The stream's events, each written on its own so the client sees them arrive one by one.
std::vector<std::string> streamEvents()
{
    std::vector<std::string> events{"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n",
                                    chunk(sseEvent(R"({"role":"assistant","content":""})", "null", ""))};
    for (const char* text : {kFirstToken, " Hello", " again."})
        events.push_back(chunk(sseEvent(R"({"content":")" + std::string(text) + "\"}", "null", "")));
    events.push_back(chunk(sseEvent("{}", "\"stop\"", "")));
    events.push_back(chunk(
        R"(data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini-2024-07-18","choices":[],)"
        R"("usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}})"
        "\n\n"));
    events.push_back(chunk("data: [DONE]\n\n") + "0\r\n\r\n");
    return events;
}

std::string withLength(const std::string& contentType, const std::string& body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
}

} // namespace

struct BenchUpstream::Impl
{
    void acceptLoop();
    void serve(int fd);
    bool answer(int fd, std::string_view head, const std::string& body);

    int listenFd = -1;
    int port = 0;
    std::atomic<long> served{0};
    const std::string completion = withLength("application/json", completionJson());
    const std::vector<std::string> stream = streamEvents();
    const std::string control = withLength("text/plain", "ok");
    std::thread acceptor;
    std::mutex mutex; // guards the one below
    std::vector<int> connections; // open ones, each served by a detached thread
    std::condition_variable allClosed;
};

void BenchUpstream::Impl::acceptLoop()
{
    for (;;) {
        const int fd = acceptFrom(listenFd);
        if (fd < 0)
            return; // shut down
        std::lock_guard lock(mutex);
        connections.push_back(fd);
        std::thread([this, fd] { serve(fd); }).detach();
    }
}

void BenchUpstream::Impl::serve(int fd)
{
    HttpReader reader(fd);
    std::string head;
    std::string body;
    while (reader.readHead(head) && reader.readBody(head, body) && answer(fd, head, body)) {
    }
    std::lock_guard lock(mutex);
    connections.erase(std::find(connections.begin(), connections.end(), fd));
    close(fd);
    allClosed.notify_all();
}

bool BenchUpstream::Impl::answer(int fd, std::string_view head, const std::string& body)
{
    if (head.starts_with("POST /bench/callgrind-start ")) {
        TS_BENCH_CALLGRIND_START();
        return writeAll(fd, control);
    }
    if (head.starts_with("POST /bench/callgrind-stop ")) {
        TS_BENCH_CALLGRIND_STOP();
        return writeAll(fd, control);
    }
    served.fetch_add(1, std::memory_order_relaxed);
    if (body.find("\"stream\":true") == std::string::npos)
        return writeAll(fd, completion);
    for (const std::string& event : stream)
        if (!writeAll(fd, event))
            return false;
    return true;
}

BenchUpstream::BenchUpstream() : impl_(std::make_unique<Impl>())
{
    impl_->listenFd = listenLoopback(impl_->port);
    if (impl_->listenFd < 0)
        throw std::runtime_error("bench upstream: no free loopback port");
    impl_->acceptor = std::thread([this] { impl_->acceptLoop(); });
}

BenchUpstream::~BenchUpstream()
{
    shutdown(impl_->listenFd, SHUT_RDWR);
    impl_->acceptor.join();
    close(impl_->listenFd);
    std::unique_lock lock(impl_->mutex);
    for (const int fd : impl_->connections)
        shutdown(fd, SHUT_RDWR);
    impl_->allClosed.wait(lock, [this] { return impl_->connections.empty(); });
}

int BenchUpstream::port() const { return impl_->port; }

std::string BenchUpstream::baseUrl() const { return "http://127.0.0.1:" + std::to_string(impl_->port) + "/v1"; }

long BenchUpstream::served() const { return impl_->served.load(); }

} // namespace ts::bench
