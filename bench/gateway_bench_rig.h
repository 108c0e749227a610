#pragma once
#include "gateway/pipeline.h"
#include "serve/gateway_server.h"
#include "trace/store.h"

#include <memory>
#include <string>

namespace ts::bench {

// The gateway as `tokenscope-cli serve` builds it, in this process: an OpenAI-compatible provider
// whose base URL is the bench upstream, the pipeline, and a GatewayServer on a free loopback port.
// Traces go to a real TraceStore at storePath, or are dropped when storePath is empty.
struct GatewayUnderTest
{
    std::unique_ptr<TraceStore> store;
    std::unique_ptr<Pipeline> pipeline;
    std::unique_ptr<serve::GatewayServer> server;

    int port() const { return server->port(); }
};

// Throws std::runtime_error when the gateway cannot start.
std::unique_ptr<GatewayUnderTest> startGateway(const std::string& upstreamBaseUrl, const std::string& storePath);

inline constexpr const char* kBenchModel = "gpt-4o-mini"; // priced in the shipped catalog, as real traffic is

} // namespace ts::bench
