// What the local gateway adds (issue #5): the same closed-loop load generator drives the bench
// upstream directly and through the gateway, interleaved in one run, at 1 and 64 connections; the
// gateway's added latency and its share of the direct throughput are printed beside the targets.
// --callgrind N counts instructions per request under valgrind, which noise does not move.
#include "gateway_bench_body.h"
#include "gateway_bench_callgrind.h"
#include "gateway_bench_load.h"
#include "gateway_bench_nginx.h"
#include "gateway_bench_report.h"
#include "gateway_bench_rig.h"
#include "gateway_bench_upstream.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace ts::bench;

namespace {

struct Options
{
    double seconds = 1.0; // per path and round
    int rounds = 4;
    bool stream = true;
    bool nginx = true; // measure nginx as a plain-proxy reference when it is installed
};

struct Target
{
    std::string name;
    int port;
};

// Runs each target for the same time, round after round, so they share the machine's noise.
std::vector<PathRun> interleaved(const std::vector<Target>& targets, int connections, bool stream, const Options& o)
{
    std::vector<PathRun> runs;
    for (const Target& t : targets)
        runs.push_back({t.name, connections, {}});
    for (int round = -1; round < o.rounds; ++round) // round -1 warms up and is not counted
        for (std::size_t i = 0; i < targets.size(); ++i) {
            LoadSpec spec;
            spec.port = targets[i].port;
            spec.body = chatBody(stream);
            spec.connections = connections;
            spec.duration = std::chrono::milliseconds(static_cast<long>(o.seconds * (round < 0 ? 300 : 1000)));
            spec.expect = stream ? "[DONE]" : kReplyText;
            spec.firstByteMarker = stream ? kFirstToken : "";
            LoadResult r = runLoad(spec);
            if (round >= 0)
                runs[i].result.merge(r);
        }
    return runs;
}

double p(PathRun& run, double q) { return quantile(run.result.latencyUs, q); }
double ttft(PathRun& run, double q) { return quantile(run.result.ttftUs, q); }

void printRuns(std::vector<PathRun>& runs)
{
    for (PathRun& run : runs)
        printRow(run);
}

int callgrindTable(long requests)
{
    const std::string dir = std::filesystem::temp_directory_path() / "gateway_bench_callgrind";
    std::filesystem::create_directories(dir);
    std::printf("callgrind: %ld requests on one connection after %d warm-up ones; instructions (Ir) of the "
                "serving process (upstream, plus the gateway when in front)\n",
                requests, 50);
    double direct = 0;
    for (ServedPath path : {ServedPath::Direct, ServedPath::Gateway, ServedPath::GatewayStore}) {
        const double ir = instructionsPerRequest(path, requests, dir);
        if (ir <= 0)
            return 1;
        if (path == ServedPath::Direct)
            direct = ir;
        std::printf("  %-14s %12.0f Ir/request   gateway's own: %12.0f Ir/request\n", nameOf(path), ir,
                    path == ServedPath::Direct ? 0.0 : ir - direct);
    }
    std::printf("  outputs in %s (callgrind_annotate --inclusive=yes FILE)\n", dir.c_str());
    return 0;
}

Options parseOptions(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc)
            o.seconds = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc)
            o.rounds = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--no-stream"))
            o.stream = false;
        else if (!std::strcmp(argv[i], "--no-nginx"))
            o.nginx = false;
    }
    return o;
}

void printTargets(std::vector<PathRun>& one, std::vector<PathRun>& many, const char* which, std::size_t gw)
{
    std::printf("\n%s\n", which);
    printVerdict("  added latency p50 @1 conn", p(one[gw], 0.50) - p(one[0], 0.50), "us", 100, true);
    printVerdict("  added latency p99 @1 conn", p(one[gw], 0.99) - p(one[0], 0.99), "us", 500, true);
    printVerdict("  throughput @64 conns vs direct", 100 * many[gw].result.rps() / many[0].result.rps(), "%", 35,
                 false);
}

int benchmark(const Options& o)
{
    BenchUpstream upstream;
    const std::string storeDir = std::filesystem::temp_directory_path() / ("gateway_bench_" + std::to_string(getpid()));
    const auto store = startGateway(upstream.baseUrl(), storeDir + "/bench.tokenscope");
    const auto drop = startGateway(upstream.baseUrl(), "");
    std::vector<Target> targets{{"direct (upstream alone)", upstream.port()},
                                {"gateway, traces stored", store->port()},
                                {"gateway, traces dropped", drop->port()}};
    std::string why;
    const auto nginx = o.nginx ? NginxReference::start(upstream.port(), why) : nullptr;
    if (nginx)
        targets.push_back({"nginx proxy (reference)", nginx->port()});
    else if (o.nginx)
        std::printf("no plain-proxy reference: %s\n", why.c_str());
    std::printf("gateway_bench: closed-loop keep-alive HTTP/1.1 clients; %d rounds x %.1f s per path, interleaved; "
                "load average %.2f at start, %u cores\n\n",
                o.rounds, o.seconds, loadAverage(), std::thread::hardware_concurrency());
    printHeader();
    auto one = interleaved(targets, 1, false, o);
    printRuns(one);
    auto many = interleaved(targets, 64, false, o);
    printRuns(many);
    std::vector<PathRun> streamed;
    if (o.stream) {
        streamed = interleaved({targets[0], targets[1]}, 1, true, o);
        for (PathRun& run : streamed)
            run.name = "stream: " + run.name;
        printRuns(streamed);
    }
    std::printf("\nload average %.2f at the end (this includes the bench's own ~200 threads)\n", loadAverage());
    printTargets(one, many, "headline: gateway writing traces to a real TraceStore (what `tokenscope-cli serve` does)", 1);
    printTargets(one, many, "gateway dropping traces", 2);
    if (nginx) {
        std::printf("\nreference: nginx proxy_pass, keep-alive upstream pool, 2 workers, no logging; no parsing, routing,\n"
                    "budgets or traces\n");
        printTargets(one, many, "nginx as the proxy", 3);
    }
    if (o.stream)
        std::printf("  added TTFT (stream) p50 %.1f us, p99 %.1f us (no target)\n",
                    ttft(streamed[1], 0.50) - ttft(streamed[0], 0.50), ttft(streamed[1], 0.99) - ttft(streamed[0], 0.99));
    std::printf("  published same-box p99 added at 1 conn: fastest gateway ~107 us, Helicone ~444 us, LiteLLM ~8 ms\n"
                "  the bench upstream answers from a canned buffer (~3k instructions a request, see --callgrind), so\n"
                "  the throughput ratio sets the whole gateway against an almost free upstream on the same 2 cores\n");
    std::filesystem::remove_all(storeDir);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    ServedPath path = ServedPath::Direct;
    if (argc == 3 && !std::strcmp(argv[1], "--callgrind-child") && parseServedPath(argv[2], path))
        return serveUnderCallgrind(path);
    if (argc == 4 && !std::strcmp(argv[1], "--callgrind-one") && parseServedPath(argv[2], path)) {
        const double ir = instructionsPerRequest(path, std::atol(argv[3]), std::filesystem::temp_directory_path());
        std::printf("%s: %.0f Ir/request\n", argv[2], ir);
        return ir > 0 ? 0 : 1;
    }
    if (argc == 3 && !std::strcmp(argv[1], "--callgrind"))
        return callgrindTable(std::atol(argv[2]));
    return benchmark(parseOptions(argc, argv));
}
