#pragma once
#include "gateway/gateway_config.h"
#include "gateway/pipeline.h"
#include "providers/provider_profile.h"

#include <chrono>
#include <memory>
#include <string>

namespace ts::serve {

struct GatewayOptions
{
    std::string host = "127.0.0.1";
    int port = 0;                                 // 0: any free port (port() tells which)
    std::shared_ptr<const GatewayConfig> config;  // routes and keys; null: none
    std::vector<ProviderProfile> profiles;        // for model resolution by kind and for embeddings
    KeyLookup keys;                               // upstream keys for embeddings
    std::size_t maxBodyBytes = 32u << 20;         // larger requests get 413
    int threads = 64;                             // connections served at once
    bool requireKeys = false;                     // keys also on loopback (a shared machine, tests)
    std::chrono::milliseconds stopGrace{5000};    // stop() lets requests finish this long, then cancels them
};

// The local gateway (issue #5; CONTRACTS "The gateway's requests"): an HTTP server speaking
// OpenAI's /v1/chat/completions, /v1/models and /v1/embeddings, Anthropic's /v1/messages, and an
// OTLP/HTTP JSON receiver on /v1/traces. Chat requests run through `pipeline` (each one a trace
// given to its sink); OTLP traces go straight to the sink. Off loopback it needs virtual keys in the
// config and refuses requests without one; the key's name and project go on each trace
// (RequestMeta.apiKeyName / project), never the key.
class GatewayServer
{
public:
    GatewayServer(Pipeline& pipeline, GatewayOptions options);
    ~GatewayServer(); // stop()
    GatewayServer(const GatewayServer&) = delete;
    GatewayServer& operator=(const GatewayServer&) = delete;

    // Binds and serves on a thread of its own. Returns "" or why it cannot (no keys off loopback,
    // the address is taken); once started, port() is the bound port.
    std::string start();
    int port() const;
    const std::string& host() const;
    // Stops accepting, lets running requests finish for stopGrace, cancels the rest (streams end
    // with an error event), and returns when every connection is closed. Idempotent.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ts::serve
