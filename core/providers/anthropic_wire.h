#pragma once
#include "model/request.h"

#include <nlohmann/json.hpp>

namespace ts::anthropic {

// The Messages API body for a request (shared/reference/formats.md §2.1): system messages joined
// into the top-level `system`, tool calls as `tool_use` blocks, tool results as `tool_result`
// blocks in a user turn, tools with their `input_schema`. count_tokens takes the same body
// without max_tokens and stream (withGeneration = false).
nlohmann::json messagesBody(const ChatRequest& request, bool withGeneration);

} // namespace ts::anthropic
