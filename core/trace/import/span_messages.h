#pragma once
#include "model/span.h"

#include <string_view>

namespace ts::import {

// Where a span holds its conversation once read: the GenAI convention's attributes (formats.md
// §5.1), as the JSON text of toGenAiMessages().
inline constexpr std::string_view kInputMessages = "gen_ai.input.messages";
inline constexpr std::string_view kOutputMessages = "gen_ai.output.messages";
inline constexpr std::string_view kSystemInstructions = "gen_ai.system_instructions";

// Brings a span's conversation to kInputMessages / kOutputMessages from whichever form it has:
// OpenInference's and OpenLLMetry's flattened attributes (flat_messages.h), the deprecated
// gen_ai.prompt / gen_ai.completion JSON, OpenInference's input.value / output.value on an LLM
// span, gen_ai.system_instructions (a system message first), and span events (the current
// gen_ai.client.inference.operation.details, the deprecated gen_ai.content.prompt/completion and
// gen_ai.{system,user,assistant,tool}.message / gen_ai.choice). What was read is removed; what
// cannot be read is left as it was.
void readSpanMessages(Span& span);

} // namespace ts::import
