#pragma once
#include "net/http_client.h"
#include "net/sse_parser.h"
#include "providers/gemini_stream.h"
#include "providers/provider.h"

#include <string>
#include <string_view>
#include <vector>

namespace ts::gemini {

// Receives one reply to generateContent or streamGenerateContent?alt=sse into a CallResult: streams
// answer text to ctx.onText as chunks arrive, records every chunk's data with its arrival time in the
// exchange, and names what went wrong, if anything. The stream has no end marker: it is complete once
// a chunk has carried a finishReason (or the prompt was blocked) and the server closed it.
class Receiver
{
  public:
    Receiver(bool streamRequested, const CallContext& ctx, CallResult& result);

    void onHeaders(int status, const std::vector<Header>& headers);
    bool onData(std::string_view bytes); // false stops the transfer
    void finish(const net::HttpResponse& http);

  private:
    bool onEvent(const net::SseEvent& event);
    bool deliver(const ChunkDelta& delta);
    void finishBody();
    void collect();
    void fail(ProviderError::Kind kind, std::string message);

    const CallContext& ctx_;
    CallResult& result_;
    bool streamRequested_;
    bool sse_ = false;
    bool userStopped_ = false;
    Nanos blockAt_ = 0; // arrival of the block being parsed
    net::SseParser parser_;
    StreamAssembler assembler_;
};

} // namespace ts::gemini
