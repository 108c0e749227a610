#pragma once
#include "providers/openai_stream.h"
#include "providers/stream_receiver.h"

#include <optional>

namespace ts::openai {

// Receives one reply to a chat completion request into a CallResult: streams text to ctx.onText as
// chunks arrive, records every raw chunk in the exchange, and names what went wrong, if anything.
class Receiver : public SseReceiver
{
  public:
    using SseReceiver::SseReceiver;

  private:
    void readHeaders(const std::vector<Header>& headers) override;
    bool onEvent(const net::SseEvent& event) override;
    ProviderError statusError(int status, std::string_view body) const override;
    std::string_view endMarker() const override { return "[DONE]"; }
    void finishBody(const nlohmann::json& body) override;
    bool finishText(std::string_view body) override;
    void finishResponse(ChatResponse response);
    void collect() override;

    std::optional<double> headerCost_; // x-litellm-response-cost
    StreamAssembler assembler_;
};

} // namespace ts::openai
