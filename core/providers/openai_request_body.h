#pragma once
#include "model/request.h"

#include <string>

namespace ts::openai {

// The CreateChatCompletionRequest body (formats.md §1) as compact JSON, written directly rather
// than through a DOM: it is built on every call the gateway proxies. A streamed request asks for
// the final usage chunk. Text that is not valid UTF-8 is replaced, not refused.
// Throws std::invalid_argument for a tool's parameters or a response schema that is not JSON.
std::string requestBody(const ChatRequest& request);

} // namespace ts::openai
