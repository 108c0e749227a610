#include "gateway_bench_load.h"

#include "gateway_bench_socket.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <mutex>
#include <thread>

namespace ts::bench {

namespace {

using Clock = std::chrono::steady_clock;

double microsSince(Clock::time_point start, Clock::time_point end)
{
    return std::chrono::duration<double, std::micro>(end - start).count();
}

// One client connection; reconnects (inside the next request's time) when the server closed it.
class Connection
{
public:
    explicit Connection(const LoadSpec& spec)
        : spec_(spec),
          request_("POST " + spec.path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(spec.port) +
                   "\r\nContent-Type: application/json\r\nAuthorization: Bearer bench\r\nContent-Length: " +
                   std::to_string(spec.body.size()) + "\r\n\r\n" + spec.body)
    {
        open();
    }
    ~Connection() { closeFd(); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void once(LoadResult& out);

private:
    void open()
    {
        fd_ = connectLoopback(spec_.port);
        reader_ = HttpReader(fd_);
    }
    void closeFd()
    {
        if (fd_ >= 0)
            close(fd_);
        fd_ = -1;
    }
    bool exchange(Clock::time_point start, LoadResult& out, bool& keepAlive);

    const LoadSpec& spec_;
    const std::string request_;
    int fd_ = -1;
    HttpReader reader_{-1};
    std::string head_;
    std::string body_;
};

bool Connection::exchange(Clock::time_point start, LoadResult& out, bool& keepAlive)
{
    bool sawMarker = spec_.firstByteMarker.empty();
    const HttpReader::Progress progress = [&](std::string_view received) {
        if (sawMarker || received.find(spec_.firstByteMarker) == std::string_view::npos)
            return;
        sawMarker = true;
        out.ttftUs.push_back(microsSince(start, Clock::now()));
    };
    if (fd_ < 0 || !writeAll(fd_, request_) || !reader_.readHead(head_, progress) ||
        !reader_.readBody(head_, body_, progress))
        return false;
    keepAlive = headerIn(head_, "connection") != "close";
    return statusIn(head_) == 200 && (spec_.expect.empty() || body_.find(spec_.expect) != std::string::npos);
}

void Connection::once(LoadResult& out)
{
    const Clock::time_point start = Clock::now();
    if (fd_ < 0) {
        open();
        ++out.reconnects;
    }
    bool keepAlive = false;
    const bool ok = exchange(start, out, keepAlive);
    if (ok)
        out.latencyUs.push_back(microsSince(start, Clock::now()));
    else
        ++out.errors;
    if (!ok || !keepAlive)
        closeFd();
}

} // namespace

void LoadResult::merge(const LoadResult& other)
{
    latencyUs.insert(latencyUs.end(), other.latencyUs.begin(), other.latencyUs.end());
    ttftUs.insert(ttftUs.end(), other.ttftUs.begin(), other.ttftUs.end());
    errors += other.errors;
    reconnects += other.reconnects;
    seconds += other.seconds;
}

LoadResult runLoad(const LoadSpec& spec)
{
    std::vector<LoadResult> perConnection(static_cast<std::size_t>(spec.connections));
    std::barrier connected(spec.connections + 1);
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    for (auto& result : perConnection)
        clients.emplace_back([&] {
            Connection connection(spec);
            result.latencyUs.reserve(1 << 16);
            connected.arrive_and_wait(); // every connection is open before the clock starts
            for (long n = 0; !stop.load(std::memory_order_relaxed) && (spec.requests == 0 || n < spec.requests); ++n)
                connection.once(result);
        });
    connected.arrive_and_wait();
    const Clock::time_point start = Clock::now();
    if (spec.requests == 0) {
        std::this_thread::sleep_for(spec.duration);
        stop = true;
    }
    for (std::thread& t : clients)
        t.join();
    LoadResult total;
    for (const auto& result : perConnection)
        total.merge(result);
    total.seconds = microsSince(start, Clock::now()) / 1e6;
    return total;
}

double quantile(std::vector<double>& values, double q)
{
    if (values.empty())
        return 0;
    const auto at = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(at), values.end());
    return values[at];
}

} // namespace ts::bench
