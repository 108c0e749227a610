#pragma once
#include "model/span.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string_view>

namespace ts::import {

// Conversations that conventions flatten into one attribute per field:
//   OpenInference: llm.input_messages.0.message.role, ....message.content,
//     ....message.contents.0.message_content.text / .image.image.url,
//     ....message.tool_calls.0.tool_call.id / .function.name / .function.arguments,
//     ....message.tool_call_id, ....message.name (and llm.output_messages.*);
//   OpenLLMetry: gen_ai.prompt.0.role, .content, .tool_calls.0.id / .name / .arguments,
//     .tool_call_id (and gen_ai.completion.*, with .finish_reason).
// Returns the list of messages under `prefix` in OpenAI's chat shape, or nullopt when the span has
// none. `consumed` collects the attribute names read, for the caller to remove once it has used them.
std::optional<nlohmann::json> flatMessages(const Span& span, std::string_view prefix,
                                           std::vector<std::string>& consumed);

} // namespace ts::import
