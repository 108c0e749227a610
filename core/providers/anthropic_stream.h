#pragma once
#include "model/response.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ts::anthropic {

// What one event added.
struct EventDelta
{
    std::string text;     // answer text, for the reader
    bool answer = false;  // text or tool input arrived: the answer grew
    bool content = false; // any content delta, thinking included
};

// Folds Messages stream events (formats.md §2.5) into one ChatResponse: text blocks joined, tool_use
// blocks with their input_json_delta fragments joined into arguments, thinking kept apart from the
// answer, the stop reason, and usage merged from message_start and each cumulative message_delta.
// A whole Message (a non-streamed reply) folds in the same way, as if it had been streamed.
class StreamAssembler
{
public:
    // One event's data, by its "type"; ping, message_stop, error and unknown types add nothing.
    EventDelta apply(const nlohmann::json& event);
    EventDelta applyMessage(const nlohmann::json& message);
    ChatResponse response() const;

    const std::string& thinking() const { return thinking_; } // thinking text, never shown as the answer
    const std::string& stopReason() const { return stopReason_; } // as sent: end_turn, refusal, ...

private:
    struct Block
    {
        std::string type; // text, tool_use, thinking, redacted_thinking, server_tool_use, ...
        int toolCall = -1; // index into toolCalls_ for a tool_use block
    };

    EventDelta startBlock(std::int64_t index, const nlohmann::json& block);
    EventDelta applyDelta(std::int64_t index, const nlohmann::json& delta);
    void applyMessageDelta(const nlohmann::json& event);

    ChatResponse response_;
    nlohmann::json usage_; // raw, merged; null until an event carries usage
    std::map<std::int64_t, Block> blocks_;
    std::vector<ToolCall> toolCalls_;
    std::vector<std::string> startInputs_; // each tool_use block's "input" at its start
    std::string thinking_;
    std::string stopReason_;
};

} // namespace ts::anthropic
