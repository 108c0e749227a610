#pragma once
#include "serve/inbound_chat.h"

#include <optional>
#include <string_view>

namespace ts::serve {

// parseOpenAIChat() for the usual request (string messages, sampling options, stream options),
// read without a DOM: the gateway reads one on every request. Nothing when the body holds anything
// this does not take (content parts, tool calls, tools, response_format, a value of an unexpected
// type, an error to report); parseOpenAIChat then reads it the full way, so both always agree.
std::optional<InboundChat> readCommonOpenAIChat(std::string_view body);

} // namespace ts::serve
