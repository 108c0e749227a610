#pragma once
#include "providers/anthropic_stream.h"
#include "providers/stream_receiver.h"

namespace ts::anthropic {

// Receives one reply to a Messages request into a CallResult: streams answer text to ctx.onText as
// events arrive, records every event's data with its arrival time in the exchange, and names what
// went wrong, if anything. A stream is complete only once message_stop has arrived.
class Receiver : public SseReceiver
{
  public:
    using SseReceiver::SseReceiver;

  private:
    bool onEvent(const net::SseEvent& event) override;
    ProviderError statusError(int status, std::string_view body) const override;
    std::string_view endMarker() const override { return "message_stop"; }
    void finishBody(const nlohmann::json& body) override;
    void collect() override;

    StreamAssembler assembler_;
};

} // namespace ts::anthropic
