#pragma once
#include "providers/openai_responses_stream.h"
#include "providers/stream_receiver.h"

namespace ts::openai_responses {

// Receives one reply to POST /v1/responses into a CallResult: streams answer text to ctx.onText as
// events arrive, records every event's data with its arrival time in the exchange, and names what went
// wrong, if anything. There is no [DONE]: a stream is complete once response.completed or
// response.incomplete has arrived; response.failed and `error` events are Stream errors.
class Receiver : public SseReceiver
{
  public:
    using SseReceiver::SseReceiver;

  private:
    bool onEvent(const net::SseEvent& event) override;
    ProviderError statusError(int status, std::string_view body) const override;
    std::string_view endMarker() const override { return "response.completed"; }
    void finishBody(const nlohmann::json& body) override;
    void collect() override;

    StreamAssembler assembler_;
};

} // namespace ts::openai_responses
