#pragma once
#include "model/json_writer.h"
#include "model/response.h"
#include "serve/gateway_error.h"

#include <cstdint>
#include <string>

namespace ts::serve {

// What every reply to one request shares: its id, creation time (unix seconds) and model.
struct ReplyHeader
{
    std::string id;
    std::int64_t created = 0;
    std::string model;
};

// "chatcmpl-" or "msg_" and 24 random hex characters.
std::string newReplyId(std::string_view prefix);

// The non-streaming chat.completion object (formats.md §1.2), usage with the cached and reasoning
// token details.
std::string openAICompletionJson(const ReplyHeader& header, const ChatResponse& response);

// OpenAI's error envelope {"error":{"message","type","param","code"}} and the status it goes with.
int openAIStatus(const GatewayError& error);
std::string openAIErrorJson(const GatewayError& error);

// "stop", "length", "tool_calls", "content_filter"; an empty or unknown reason is "stop".
std::string_view openAIFinishReason(const ChatResponse& response);

// CompletionUsage with its cached and reasoning token details, shared by the reply and the stream.
void writeOpenAIUsage(JsonWriter& w, const Usage& usage);
// A stream's tool-call delta: {"tool_calls":[{index, id, type, function}]}.
void writeOpenAIToolCallDelta(JsonWriter& w, const ToolCall& call, std::size_t index);

} // namespace ts::serve
