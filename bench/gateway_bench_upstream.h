#pragma once
#include <atomic>
#include <memory>
#include <string>

namespace ts::bench {

// A lean OpenAI upstream for gateway_bench: raw sockets on 127.0.0.1, a thread per keep-alive
// connection, one canned reply (a JSON completion, or an SSE stream when the body asks for one).
// It parses only what it must (request line, Content-Length), so its own cost is small next to the
// gateway's; both paths of the bench go through this same server.
// POST /bench/callgrind-start and /bench/callgrind-stop toggle callgrind's instrumentation.
class BenchUpstream
{
public:
    BenchUpstream(); // throws std::runtime_error when no loopback port is free
    ~BenchUpstream(); // closes every connection and joins its threads
    BenchUpstream(const BenchUpstream&) = delete;
    BenchUpstream& operator=(const BenchUpstream&) = delete;

    int port() const;
    std::string baseUrl() const; // http://127.0.0.1:PORT/v1
    long served() const;         // chat replies written so far

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// What the upstream answers, so a client can check a reply came through whole.
inline constexpr const char* kReplyText = "Hello from the bench upstream.";
inline constexpr const char* kFirstToken = "tok0-bench"; // the first streamed content delta

} // namespace ts::bench
