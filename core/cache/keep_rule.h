#pragma once
#include "model/response.h"

#include <string>

namespace ts::cache {

// Why an answer is not worth caching, or "" when it is: only answers that ended on their own (stop,
// length, tool calls) with text or tool calls. Every cache layer keeps by this one rule.
inline std::string notWorthKeeping(const ChatResponse& r)
{
    if (r.finishReason != "stop" && r.finishReason != "length" && r.finishReason != "tool_calls")
        return "incomplete answer (finish reason '" + r.finishReason + "')";
    if (r.text.empty() && r.toolCalls.empty())
        return "empty answer";
    return {};
}

} // namespace ts::cache
