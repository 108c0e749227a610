#include "verbs.h"

#include "gateway/budget_seed.h"
#include "engine/gateway_setup.h"
#include "gateway/pipeline.h"
#include "providers/embedder_factory.h"
#include "providers/provider_profile.h"
#include "providers/provider_setup.h"
#include "serve/gateway_server.h"
#include "trace/retention_keeper.h"
#include "trace/workspace_error.h"
#include "trace/workspace_paths.h"

#include <csignal>
#include <cstdio>
#include <pthread.h>

namespace ts::cli {

namespace {

constexpr int kDefaultPort = 4141;

// "ADDR:PORT", "[::1]:PORT" or ":PORT" (loopback); a usage error otherwise.
std::pair<std::string, int> listenAddress(const Args& args)
{
    const std::string text = args.valueOr("--listen", "127.0.0.1:" + std::to_string(kDefaultPort));
    const auto colon = text.rfind(':');
    if (colon == std::string::npos)
        throw Exit{2, "--listen wants ADDR:PORT, not '" + text + "'"};
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    Args port;
    port.values["--listen"] = text.substr(colon + 1);
    return {host.empty() ? std::string("127.0.0.1") : host, parseIntOption(port, "--listen", 0, 0, 65535)};
}

std::shared_ptr<const GatewayConfig> configFrom(const Args& args)
{
    const auto path = args.value("--config");
    if (!path)
        return nullptr;
    GatewayConfigResult loaded = loadGatewayConfig(*path);
    if (!loaded.ok())
        throw Exit{1, loaded.errors.front() +
                          (loaded.errors.size() > 1 ? " (and " + std::to_string(loaded.errors.size() - 1) + " more)" : "")};
    return std::make_shared<const GatewayConfig>(std::move(loaded.config));
}

// SIGINT and SIGTERM are blocked in every thread (the server's inherit the mask) and taken here.
sigset_t blockStopSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a client that leaves mid-stream is a failed write, not a signal
    return set;
}

} // namespace

int runServe(const Args& args)
{
    const auto [host, port] = listenAddress(args);
    const auto config = configFrom(args);
    const ProviderProfiles profiles = loadUserProfiles();
    for (const std::string& issue : profiles.issues)
        std::fprintf(stderr, "tokenscope-cli: warning: %s\n", issue.c_str());
    const KeyLookup keys = environmentKeys();
    auto store = openWorkspace(args, TraceStore::OpenMode::CreateIfMissing, defaultWorkspacePath());
    Pipeline pipeline(makeProviders(profiles, keys), [&](Trace t) { store->write(std::move(t)); });
    // routes, tiers, breakers, rate limits, budgets (counting what was spent already) and the cache
    std::shared_ptr<Governor> governor;
    try {
        governor = applyGatewayConfig(pipeline, config, store->path(),
                                      [&](const std::string& provider, const std::string& model) {
                                          return makeEmbedder(profiles.profiles, keys, provider, model);
                                      });
    } catch (const WorkspaceError& e) {
        throw Exit{1, std::string("the response cache cannot use the workspace: ") + e.what()};
    } catch (const std::invalid_argument& e) {
        throw Exit{1, e.what()};
    }
    if (governor)
        for (const std::string& note : seedBudgets(governor->ledger(), config->budgets, *store->reader(), wallNowNs()))
            std::fprintf(stderr, "tokenscope-cli: note: %s\n", note.c_str());

    const sigset_t stopSignals = blockStopSignals();
    serve::GatewayServer server(pipeline, {host, port, config, profiles.profiles, keys});
    if (auto refusal = server.start(); !refusal.empty())
        throw Exit{1, refusal};
    std::printf("tokenscope gateway listening on http://%s:%d (workspace %s)\n",
                host.find(':') == std::string::npos ? host.c_str() : ("[" + host + "]").c_str(), server.port(),
                store->path().c_str());
    std::fflush(stdout);
    // The workspace's retention setting, applied now and hourly (a round with nothing to prune is one query).
    RetentionKeeper retention(*store, std::chrono::hours(1), [](const std::string& line) {
        std::fprintf(stderr, "tokenscope-cli: %s\n", line.c_str());
    });
    int signal = 0;
    sigwait(&stopSignals, &signal);
    server.stop();
    if (!store->flush())
        throw Exit{1, "some traces were not saved: " + store->lastError()};
    std::fprintf(stderr, "tokenscope gateway stopped (%s)\n", describeProviders(pipeline.providers()).c_str());
    return 0;
}

} // namespace ts::cli
