#pragma once
#include "serve/inbound_chat.h"

#include <string_view>

namespace ts::serve {

// A Chat Completions request body (formats.md §1.1) as a ChatRequest: string or content-part
// messages (text, image_url with data: or http URLs), assistant tool_calls, tool messages, tools,
// response_format, sampling options, stream and stream_options.include_usage, and `user` as
// meta.user. What cannot be honoured (n > 1, an unknown role, bad JSON) is an error.
// The usual body is read without a DOM (openai_inbound_reader.h), anything else the full way.
InboundChat parseOpenAIChat(std::string_view body);
// The full reading through nlohmann's DOM, for every body; tests hold the quick one to it.
InboundChat parseOpenAIChatFully(std::string_view body);

} // namespace ts::serve
