#pragma once
#include "net/http_client.h"
#include "net/sse_parser.h"
#include "providers/openai_stream.h"
#include "providers/provider.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace ts::openai {

// Receives one reply to a chat completion request into a CallResult: streams text to ctx.onText as
// chunks arrive, records every raw chunk in the exchange, and names what went wrong, if anything.
class Receiver
{
public:
    Receiver(bool streamRequested, const CallContext& ctx, CallResult& result);

    void onHeaders(int status, const std::vector<Header>& headers);
    bool onData(std::string_view bytes); // false stops the transfer
    void finish(const net::HttpResponse& http);

private:
    bool onEvent(const net::SseEvent& event);
    bool onChunk(const nlohmann::json& chunk);
    void finishBody();
    void fail(ProviderError::Kind kind, std::string message);

    const CallContext& ctx_;
    CallResult& result_;
    bool streamRequested_;
    bool sse_ = false;
    bool done_ = false;
    std::optional<double> headerCost_; // x-litellm-response-cost
    bool userStopped_ = false;
    Nanos blockAt_ = 0; // arrival of the block being parsed
    net::SseParser parser_;
    StreamAssembler assembler_;
};

} // namespace ts::openai
