#pragma once
#include "net/http_client.h"
#include "net/ndjson_splitter.h"
#include "providers/ollama_stream.h"
#include "providers/provider.h"

#include <string>
#include <string_view>
#include <vector>

namespace ts::ollama {

// Receives one reply to POST /api/chat into a CallResult: streams answer text to ctx.onText as
// NDJSON lines arrive, records every line with its arrival time in the exchange, and names what went
// wrong, if anything. A stream is complete only once its done:true line has arrived.
class Receiver
{
  public:
    Receiver(bool streamRequested, const CallContext& ctx, CallResult& result);

    void onHeaders(int status, const std::vector<Header>& headers);
    bool onData(std::string_view bytes); // false stops the transfer
    void finish(const net::HttpResponse& http);

  private:
    bool onLine(std::string_view line);
    bool deliver(const LineDelta& delta);
    void finishLines(const net::HttpResponse& http);
    void finishBody();
    void collect();
    void fail(ProviderError::Kind kind, std::string message);

    const CallContext& ctx_;
    CallResult& result_;
    bool streamRequested_;
    bool ndjson_ = false;
    bool userStopped_ = false;
    Nanos blockAt_ = 0; // arrival of the block being split
    net::NdjsonSplitter splitter_;
    StreamAssembler assembler_;
};

} // namespace ts::ollama
