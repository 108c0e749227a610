#pragma once
#include "model/response.h"
#include "serve/gateway_error.h"
#include "serve/openai_reply.h" // ReplyHeader

#include <string>
#include <string_view>

namespace ts::serve {

// The event sequence of one streamed Messages reply (formats.md §2.5): message_start, ping, a text
// block opened at the first text (content_block_start, text_delta..., content_block_stop), a
// tool_use block per call (input_json_delta), message_delta with stop_reason and the whole usage,
// message_stop. The usage is only known at the end, so message_start carries zeros and
// message_delta the cumulative figures. Not thread-safe: one per reply.
class AnthropicSseWriter
{
public:
    explicit AnthropicSseWriter(ReplyHeader header) : header_(std::move(header)) {}

    std::string start() const;
    std::string text(std::string_view delta);
    std::string finish(const ChatResponse& response);
    static std::string error(const GatewayError& error); // `event: error`

private:
    ReplyHeader header_;
    int nextIndex_ = 0;
    bool textOpen_ = false;
};

} // namespace ts::serve
