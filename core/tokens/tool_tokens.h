#pragma once
#include "model/message.h"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace ts {

// Tokens that tool definitions add to an OpenAI prompt, by the OpenAI cookbook's measured rule
// ("How to count tokens for tools"): per function "name:description", per property
// "name:type:description" and enum items, with fixed framing costs. An estimate: OpenAI does not
// document the serialisation. cl100kFraming: gpt-3.5/gpt-4 framing (10 per function, not 7).
std::int64_t toolDefinitionTokens(const std::vector<ToolDefinition>& tools,
                                  const std::function<std::int64_t(std::string_view)>& count, bool cl100kFraming);

} // namespace ts
