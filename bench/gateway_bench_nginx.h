#pragma once
#include <memory>
#include <string>

namespace ts::bench {

// A reference proxy for the throughput target: nginx (when installed) in front of the same bench
// upstream with pooled keep-alive upstream connections, two workers, no logging. It does none of
// the gateway's work (no parsing, routing, budgets or traces), so its share of the direct
// throughput is what plain proxying costs on this machine: a ceiling, not a competitor.
class NginxReference
{
public:
    // nullptr (and the reason in `why`) when nginx is not installed or does not start.
    static std::unique_ptr<NginxReference> start(int upstreamPort, std::string& why);
    ~NginxReference();

    int port() const { return port_; }

private:
    NginxReference() = default;
    std::string dir_;
    int port_ = 0;
    int pid_ = -1;
};

} // namespace ts::bench
