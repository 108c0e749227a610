#include "gateway_bench_report.h"

#include <cstdio>
#include <fstream>

namespace ts::bench {

void printHeader()
{
    std::printf("%-24s %5s %9s %9s %9s %9s %9s %9s %7s %6s\n", "path", "conns", "requests", "rps", "p50 us",
                "p99 us", "ttft p50", "ttft p99", "errors", "reconn");
}

void printRow(PathRun& run)
{
    LoadResult& r = run.result;
    const double ttft50 = quantile(r.ttftUs, 0.50);
    const double ttft99 = quantile(r.ttftUs, 0.99);
    std::printf("%-24s %5d %9zu %9.0f %9.1f %9.1f %9s %9s %7ld %6ld\n", run.name.c_str(), run.connections,
                r.latencyUs.size(), r.rps(), quantile(r.latencyUs, 0.50), quantile(r.latencyUs, 0.99),
                r.ttftUs.empty() ? "-" : std::to_string(static_cast<long>(ttft50)).c_str(),
                r.ttftUs.empty() ? "-" : std::to_string(static_cast<long>(ttft99)).c_str(), r.errors, r.reconnects);
}

void printVerdict(const std::string& what, double measured, const std::string& unit, double limit, bool atMost)
{
    const bool pass = atMost ? measured <= limit : measured >= limit;
    std::printf("%-44s %10.1f %-3s %s %7.1f %-3s  %s\n", what.c_str(), measured, unit.c_str(), atMost ? "<=" : ">=",
                limit, unit.c_str(), pass ? "PASS" : "FAIL");
}

double loadAverage()
{
    std::ifstream in("/proc/loadavg");
    double load = -1;
    in >> load;
    return load;
}

} // namespace ts::bench
