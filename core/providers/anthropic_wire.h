#pragma once
#include "model/request.h"

#include <nlohmann/json.hpp>

// Anthropic Messages request bodies (shared/reference/formats.md §2.1–2.2) from core's value types.
// Replies are read in anthropic_reply.h.
namespace ts::anthropic {

// The Messages API body for a request: system messages joined into the top-level `system`, tool
// calls as `tool_use` blocks, tool results as `tool_result` blocks in a user turn, images as `image`
// blocks, a message's cacheBreakpoint as `cache_control` on its last block, tools with their
// `input_schema`, a JSON Schema response format as `output_config.format`. count_tokens takes the
// same body without max_tokens, stream and the sampling parameters (withGeneration = false).
// Throws std::invalid_argument for a tool's parameters or a response schema that are not JSON.
nlohmann::json messagesBody(const ChatRequest& request, bool withGeneration);

} // namespace ts::anthropic
