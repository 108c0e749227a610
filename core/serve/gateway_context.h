#pragma once
#include "gateway/gateway_config.h"
#include "gateway/pipeline.h"
#include "serve/gateway_auth.h"
#include "serve/gateway_error.h"
#include "serve/in_flight.h"
#include "serve/stream_threads.h"
#include "serve/current_resolver.h"

#include <httplib.h>

#include <optional>

namespace ts::serve {

// What every endpoint of one gateway shares; owned by the server, outlives its requests.
struct GatewayContext
{
    Pipeline& pipeline;
    const GatewayConfig& config;
    bool keysRequired; // off loopback: every request presents a virtual key
    const CurrentResolver& resolver;
    InFlight& inFlight;
    StreamThreads& streamThreads; // where streamed requests run (chat_endpoint.cpp)
};

enum class Dialect { OpenAI, Anthropic };

// The error in the dialect's envelope, with Retry-After when there is one.
void sendError(Dialect dialect, const GatewayError& error, httplib::Response& res);

// The caller, or nullopt after answering 401 in the dialect's envelope.
std::optional<Caller> admit(const GatewayContext& ctx, Dialect dialect, const httplib::Request& req,
                            httplib::Response& res);

} // namespace ts::serve
