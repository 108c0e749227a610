#pragma once
#include "serve/inbound_chat.h"

#include <string_view>

namespace ts::serve {

// A Messages API body (formats.md §2.1) as a ChatRequest: system as a string or text blocks,
// content as a string or blocks (text, image with base64 or url source, tool_use, tool_result;
// cache_control breakpoints kept), tools with input_schema, max_tokens (required), sampling,
// stream, and metadata.user_id as meta.user. tool_result blocks become tool messages.
InboundChat parseAnthropicMessages(std::string_view body);

} // namespace ts::serve
