#pragma once
#include <chrono>
#include <string>
#include <vector>

namespace ts::bench {

// One closed-loop run: `connections` keep-alive HTTP/1.1 clients, each sending the next request
// as soon as the previous reply is in, until `duration` has passed (or each has sent `requests`).
struct LoadSpec
{
    int port = 0;
    std::string path = "/v1/chat/completions";
    std::string body;
    int connections = 1;
    std::chrono::milliseconds duration{1000};
    long requests = 0;          // per connection; 0: run for `duration`
    std::string firstByteMarker; // when set, the time until it is seen is recorded (TTFT)
    std::string expect;          // a reply must contain this to count as a success
};

struct LoadResult
{
    std::vector<double> latencyUs; // one per successful request
    std::vector<double> ttftUs;    // one per request that saw firstByteMarker
    long errors = 0;
    long reconnects = 0; // the server closed a keep-alive connection
    double seconds = 0;

    void merge(const LoadResult& other);
    double rps() const { return seconds > 0 ? static_cast<double>(latencyUs.size()) / seconds : 0; }
};

LoadResult runLoad(const LoadSpec& spec);

// The q-quantile (0..1) of values; sorts them.
double quantile(std::vector<double>& values, double q);

} // namespace ts::bench
