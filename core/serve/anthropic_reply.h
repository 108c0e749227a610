#pragma once
#include "model/json_writer.h"
#include "model/response.h"
#include "serve/gateway_error.h"
#include "serve/openai_reply.h" // ReplyHeader

#include <string>

namespace ts::serve {

// The non-streaming Message object (formats.md §2.4): text and tool_use blocks, stop_reason, usage
// in Anthropic's convention (input_tokens without the cache reads and writes).
std::string anthropicMessageJson(const ReplyHeader& header, const ChatResponse& response);

// Anthropic's usage object for a Usage in Tokenscope's convention.
void writeAnthropicUsage(JsonWriter& w, const Usage& usage);
// "end_turn", "max_tokens", "tool_use", "refusal".
std::string_view anthropicStopReason(const ChatResponse& response);

// {"type":"error","error":{"type","message"}} and its status (529 for overloaded).
int anthropicStatus(const GatewayError& error);
std::string anthropicErrorJson(const GatewayError& error);

} // namespace ts::serve
