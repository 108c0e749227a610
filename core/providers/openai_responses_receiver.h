#pragma once
#include "net/http_client.h"
#include "net/sse_parser.h"
#include "providers/openai_responses_stream.h"
#include "providers/provider.h"

#include <string>
#include <string_view>
#include <vector>

namespace ts::openai_responses {

// Receives one reply to POST /v1/responses into a CallResult: streams answer text to ctx.onText as
// events arrive, records every event's data with its arrival time in the exchange, and names what went
// wrong, if anything. There is no [DONE]: a stream is complete once response.completed or
// response.incomplete has arrived; response.failed and `error` events are Stream errors.
class Receiver
{
public:
    Receiver(bool streamRequested, const CallContext& ctx, CallResult& result);

    void onHeaders(int status, const std::vector<Header>& headers);
    bool onData(std::string_view bytes); // false stops the transfer
    void finish(const net::HttpResponse& http);

private:
    bool onEvent(const net::SseEvent& event);
    bool deliver(const EventDelta& delta);
    void finishBody();
    void collect();
    void fail(ProviderError::Kind kind, std::string message);

    const CallContext& ctx_;
    CallResult& result_;
    bool streamRequested_;
    bool sse_ = false;
    bool done_ = false; // response.completed or response.incomplete arrived
    bool userStopped_ = false;
    Nanos blockAt_ = 0; // arrival of the block being parsed
    net::SseParser parser_;
    StreamAssembler assembler_;
};

} // namespace ts::openai_responses
