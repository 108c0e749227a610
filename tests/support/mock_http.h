#pragma once
#include "mock_openai_scenarios.h" // Reply and Piece: the reply shape every mock server writes
#include "model/trace.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace ts::test {

struct RecordedRequest
{
    std::string method;
    std::string path;
    std::vector<Header> headers; // names lower-cased
    std::string body;

    std::string header(std::string_view lowerName) const;
    nlohmann::json json() const; // the body; discarded if it is not JSON
};

// The loopback HTTP server under every mock provider: 127.0.0.1, an ephemeral port, its own thread.
// It remembers the last request and writes each route's Reply, whole or piece by piece with the
// pauses and the ending (complete, cut, stalled) the reply asks for.
class MockHttp
{
  public:
    using Route = std::function<mock::Reply(const httplib::Request&)>;

    MockHttp();
    ~MockHttp(); // stops the server; a stalled or dripping reply ends at once
    MockHttp(const MockHttp&) = delete;
    MockHttp& operator=(const MockHttp&) = delete;

    void post(const std::string& pattern, Route route); // before listen()
    void get(const std::string& pattern, Route route);  // before listen()
    void recordQueries();                               // lastRequest().path keeps the query string
    void listen(std::string_view name);                 // throws when no loopback port is free

    int port() const;
    std::string origin() const; // http://127.0.0.1:PORT
    RecordedRequest lastRequest() const;
    int requestCount() const;

  private:
    std::function<void(const httplib::Request&, httplib::Response&)> handler(Route route);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ts::test
