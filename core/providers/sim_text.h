#pragma once
#include "model/message.h"

#include <random>
#include <string>
#include <vector>

namespace ts::sim {

// Plausible reply text for the simulated provider, shaped by the request: code for code prompts,
// prose that picks up the prompt's own words otherwise. About `tokens` tokens long.
std::string replyText(const std::vector<Message>& messages, int tokens, std::mt19937_64& rng);
std::string refusalText();
// A call of one of the tools, with arguments filled from its JSON schema's properties.
ToolCall toolCall(const std::vector<ToolDefinition>& tools, const std::vector<Message>& messages,
                  std::mt19937_64& rng);

} // namespace ts::sim
