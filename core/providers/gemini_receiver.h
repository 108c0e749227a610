#pragma once
#include "providers/gemini_stream.h"
#include "providers/stream_receiver.h"

namespace ts::gemini {

// Receives one reply to generateContent or streamGenerateContent?alt=sse into a CallResult: streams
// answer text to ctx.onText as chunks arrive, records every chunk's data with its arrival time in the
// exchange, and names what went wrong, if anything. The stream has no end marker: it is complete once
// a chunk has carried a finishReason (or the prompt was blocked) and the server closed it.
class Receiver : public SseReceiver
{
  public:
    using SseReceiver::SseReceiver;

  private:
    bool onEvent(const net::SseEvent& event) override;
    ProviderError statusError(int status, std::string_view body) const override;
    std::string_view endMarker() const override { return "a finishReason"; }
    bool complete() const override { return streaming() && assembler_.finished(); }
    void finishBody(const nlohmann::json& body) override;
    void collect() override;

    StreamAssembler assembler_;
};

} // namespace ts::gemini
