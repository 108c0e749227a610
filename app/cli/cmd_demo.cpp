#include "verbs.h"

#include "demo/demo.h"
#include "trace/workspace_paths.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace ts::cli {

namespace {

std::vector<std::string> scenariosFrom(const std::string& value)
{
    if (value == "all")
        return demo::kScenarios;
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= value.size()) {
        const size_t comma = std::min(value.find(',', start), value.size());
        const std::string name = value.substr(start, comma - start);
        if (std::find(demo::kScenarios.begin(), demo::kScenarios.end(), name) == demo::kScenarios.end())
            throw Exit{2, "--scenario: unknown scenario '" + name + "' (copilot, writer, rag, agent or all)"};
        out.push_back(name);
        start = comma + 1;
    }
    return out;
}

} // namespace

int runDemo(const Args& args)
{
    demo::Options o;
    o.scenarios = scenariosFrom(args.valueOr("--scenario", "all"));
    o.days = parseIntOption(args, "--days", 7, 1, 366);
    o.seed = static_cast<std::uint64_t>(parseIntOption(args, "--seed", 1, 0, 2'000'000'000));
    o.requestsPerDay = parseDoubleOption(args, "--rate", 2400, 1, 1'000'000);
    auto store = openWorkspace(args, TraceStore::OpenMode::CreateIfMissing, demoWorkspacePath());
    o.workspacePath = store->path();
    const bool tty = isatty(STDERR_FILENO);
    const auto stats = demo::run(o, [&](Trace t) { store->write(std::move(t)); },
                                 [&](std::int64_t done, std::int64_t total) {
                                     if (tty)
                                         std::fprintf(stderr, "\rgenerating %lld / %lld requests",
                                                      static_cast<long long>(done), static_cast<long long>(total));
                                     return true;
                                 });
    if (!store->flush())
        throw Exit{1, store->path() + ": " + store->lastError()};
    std::fprintf(stderr, "%s%lld simulated requests over %d days into %s (%lld errors, %lld cache hits, $%.2f)\n",
                 tty ? "\n" : "", static_cast<long long>(stats.requests), o.days, store->path().c_str(),
                 static_cast<long long>(stats.errors), static_cast<long long>(stats.cacheHits), stats.costUsd);
    return 0;
}

} // namespace ts::cli
