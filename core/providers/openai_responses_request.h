#pragma once
#include "model/request.h"

#include <nlohmann/json.hpp>

// The body of POST /v1/responses (CreateResponse, shared/reference/formats.md §1.6) from a ChatRequest.
namespace ts::openai_responses {

// System messages become `instructions`, joined by blank lines; the rest become input items: a
// message (role + content; a user's images as input_text / input_image parts), an assistant's tool
// calls as function_call items, a tool result as a function_call_output item with its call_id.
// Tools are non-strict functions; maxTokens is max_output_tokens; a response format is text.format.
// There is no seed in the Responses API, so a request's seed is not sent.
// Throws std::invalid_argument when a tool's parameters or the response schema are not JSON.
nlohmann::json requestJson(const ChatRequest& request);

} // namespace ts::openai_responses
