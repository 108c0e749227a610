#pragma once
#include "model/message.h"
#include "model/usage.h"

#include <optional>
#include <string>
#include <vector>

namespace ts {

struct ChatResponse
{
    std::string id;
    std::string model; // the model that answered, as the provider names it
    std::string text;
    std::vector<ToolCall> toolCalls;
    std::string finishReason; // stop, length, tool_calls, content_filter, error
    Usage usage;
    // What the provider says the call cost, where it says so (OpenRouter's usage.cost, LiteLLM's
    // x-litellm-response-cost header); compared with Tokenscope's own figure, never trusted blindly.
    std::optional<double> reportedCostUsd;

    Message asMessage() const { return Message{Role::Assistant, text, toolCalls, {}, {}}; }
};

} // namespace ts
