#pragma once
#include "model/response.h"
#include "serve/gateway_error.h"
#include "serve/openai_reply.h"

#include <string>
#include <string_view>

namespace ts::serve {

// The chat.completion.chunk events of one streamed reply (formats.md §1.4), each a complete
// `data: ...\n\n` block: the first with the role, content deltas, tool-call deltas, the last with
// finish_reason, the usage chunk (empty choices) when asked for, and `data: [DONE]`.
class OpenAISseWriter
{
public:
    OpenAISseWriter(const ReplyHeader& header, bool includeUsage);

    std::string start() const;                   // delta {"role":"assistant","content":""}
    std::string text(std::string_view delta) const;
    std::string finish(const ChatResponse& response) const; // tool calls, finish_reason, usage, [DONE]
    // An error after the 200 went out: `data: {"error":{...}}` (what the SDKs raise on), then [DONE].
    static std::string error(const GatewayError& error);

private:
    void appendChunk(std::string& out, std::string_view delta, std::string_view finishReason) const;

    std::string prefix_; // `data: {"id":...,"model":...,` shared by every chunk
    bool includeUsage_;
};

} // namespace ts::serve
