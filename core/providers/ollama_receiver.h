#pragma once
#include "net/ndjson_splitter.h"
#include "providers/ollama_stream.h"
#include "providers/stream_receiver.h"

namespace ts::ollama {

// Receives one reply to POST /api/chat into a CallResult: streams answer text to ctx.onText as
// NDJSON lines arrive, records every line with its arrival time in the exchange, and names what went
// wrong, if anything. A stream is complete only once its done:true line has arrived.
class Receiver : public StreamReceiver
{
  public:
    Receiver(bool streamRequested, const CallContext& ctx, CallResult& result);

  private:
    bool feed(std::string_view bytes) override { return splitter_.feed(bytes); }
    bool onLine(std::string_view line);
    ProviderError statusError(int status, std::string_view body) const override;
    std::string_view endMarker() const override { return "done:true"; }
    bool complete() const override { return assembler_.done(); }
    void finishStream(const net::HttpResponse& http) override;
    void finishBody(const nlohmann::json& body) override;
    void collect() override;

    net::NdjsonSplitter splitter_;
    StreamAssembler assembler_;
};

} // namespace ts::ollama
