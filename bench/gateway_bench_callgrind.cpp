#include "gateway_bench_callgrind.h"

#include "gateway_bench_body.h"
#include "gateway_bench_load.h"
#include "gateway_bench_rig.h"
#include "gateway_bench_upstream.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

extern char** environ;

namespace ts::bench {

namespace {

constexpr long kWarmup = 50;

struct Child
{
    pid_t pid = -1;
    int toChild = -1;   // its stdin; closing it ends the child
    FILE* fromChild = nullptr;
};

Child spawnValgrind(ServedPath path, const std::string& outFile)
{
    int in[2];
    int out[2];
    Child child;
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0)
        return child;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    std::vector<std::string> args{"valgrind", "--tool=callgrind", "--instr-atstart=no",
                                  "--callgrind-out-file=" + outFile, "--log-file=" + outFile + ".log",
                                  self, "--callgrind-child", nameOf(path)};
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawnp(&child.pid, "valgrind", &actions, nullptr, argv.data(), environ) != 0)
        child.pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    child.toChild = in[1];
    child.fromChild = fdopen(out[0], "r");
    return child;
}

void control(int upstreamPort, const char* path)
{
    LoadSpec spec;
    spec.port = upstreamPort;
    spec.path = path;
    spec.requests = 1;
    runLoad(spec);
}

// callgrind's "totals:" (or "summary:") line: the instructions counted while instrumentation was on.
double totalIr(const std::string& outFile)
{
    std::ifstream in(outFile);
    std::string line;
    double total = 0;
    while (std::getline(in, line))
        if (line.starts_with("totals:") || (total == 0 && line.starts_with("summary:")))
            total = std::stod(line.substr(line.find(':') + 1));
    return total;
}

} // namespace

bool parseServedPath(const std::string& text, ServedPath& path)
{
    for (ServedPath p : {ServedPath::Direct, ServedPath::Gateway, ServedPath::GatewayStore})
        if (text == nameOf(p)) {
            path = p;
            return true;
        }
    return false;
}

const char* nameOf(ServedPath path)
{
    switch (path) {
    case ServedPath::Direct: return "direct";
    case ServedPath::Gateway: return "gateway";
    case ServedPath::GatewayStore: return "gateway-store";
    }
    return "";
}

double instructionsPerRequest(ServedPath path, long requests, const std::string& outDir)
{
    const std::string outFile = outDir + "/callgrind.out." + nameOf(path);
    Child child = spawnValgrind(path, outFile);
    int upstreamPort = 0;
    int targetPort = 0;
    if (child.pid < 0 || !child.fromChild ||
        std::fscanf(child.fromChild, "READY %d %d", &upstreamPort, &targetPort) != 2) {
        std::cerr << "gateway_bench: could not start valgrind (apt-get install valgrind)\n";
        return 0;
    }
    LoadSpec spec;
    spec.port = targetPort;
    spec.body = chatBody(false);
    spec.expect = kReplyText;
    spec.requests = kWarmup;
    runLoad(spec);
    control(upstreamPort, "/bench/callgrind-start");
    spec.requests = requests;
    const LoadResult measured = runLoad(spec);
    control(upstreamPort, "/bench/callgrind-stop");
    close(child.toChild);
    int status = 0;
    waitpid(child.pid, &status, 0);
    std::fclose(child.fromChild);
    if (measured.errors > 0)
        std::cerr << "gateway_bench: " << measured.errors << " failed requests under callgrind\n";
    return totalIr(outFile) / static_cast<double>(requests);
}

int serveUnderCallgrind(ServedPath path)
{
    std::signal(SIGPIPE, SIG_IGN);
    BenchUpstream upstream;
    std::unique_ptr<GatewayUnderTest> gateway;
    const std::string storeDir = std::filesystem::temp_directory_path() / ("gateway_bench_cg_" + std::to_string(getpid()));
    if (path == ServedPath::Gateway)
        gateway = startGateway(upstream.baseUrl(), "");
    if (path == ServedPath::GatewayStore)
        gateway = startGateway(upstream.baseUrl(), storeDir + "/bench.tokenscope");
    std::printf("READY %d %d\n", upstream.port(), gateway ? gateway->port() : upstream.port());
    std::fflush(stdout);
    char buffer[64];
    while (read(STDIN_FILENO, buffer, sizeof buffer) > 0) {
    }
    gateway.reset();
    std::filesystem::remove_all(storeDir);
    return 0;
}

} // namespace ts::bench
