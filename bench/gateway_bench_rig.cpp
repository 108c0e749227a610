#include "gateway_bench_rig.h"

#include "providers/provider_profile.h"

#include <stdexcept>

namespace ts::bench {

std::unique_ptr<GatewayUnderTest> startGateway(const std::string& upstreamBaseUrl, const std::string& storePath)
{
    auto g = std::make_unique<GatewayUnderTest>();
    ProviderProfile profile;
    profile.id = "openai";
    profile.kind = "openai";
    profile.baseUrl = upstreamBaseUrl;
    profile.models = {kBenchModel};
    auto registry = std::make_shared<ProviderRegistry>();
    registry->add(makeProvider(profile, "sk-bench-upstream"));
    if (!storePath.empty())
        g->store = TraceStore::open(storePath, TraceStore::OpenMode::CreateIfMissing);
    TraceStore* store = g->store.get();
    g->pipeline = std::make_unique<Pipeline>(registry, [store](Trace t) {
        if (store)
            store->write(std::move(t));
    });
    serve::GatewayOptions options;
    options.profiles = {profile};
    options.stopGrace = std::chrono::milliseconds(500);
    g->server = std::make_unique<serve::GatewayServer>(*g->pipeline, options);
    if (auto refusal = g->server->start(); !refusal.empty())
        throw std::runtime_error("gateway: " + refusal);
    return g;
}

} // namespace ts::bench
