#pragma once
#include "model/response.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ts::openai_responses {

// What one event added.
struct EventDelta
{
    std::string text;     // answer text (output text or a refusal), for the reader
    bool answer = false;  // text or function-call arguments arrived: the answer grew
    bool content = false; // any content delta, reasoning included
};

// Folds Responses API stream events (formats.md §1.6) into one ChatResponse: output text and refusals
// joined, function calls assembled by output_index from output_item.added (call_id, name) and their
// argument deltas, reasoning kept apart from the answer, and id, model, usage and status from the
// Response objects that response.created / completed / incomplete / failed carry. A whole Response
// (a non-streamed reply) folds in the same way, as if it had been streamed.
class StreamAssembler
{
public:
    // One event's data, by its "type"; unknown types add nothing.
    EventDelta apply(const nlohmann::json& event);
    // A Response: its id, model, usage and status, and any output item that no event brought.
    EventDelta applyResponse(const nlohmann::json& response);
    ChatResponse response() const;

    const std::string& reasoning() const { return reasoning_; } // summary or reasoning text, never the answer

private:
    struct Item
    {
        std::string type;  // message, function_call, reasoning, web_search_call, ...
        int toolCall = -1; // index into toolCalls_ for a function_call
        bool taken = false; // its text or reasoning is in already
    };

    EventDelta foldItem(std::int64_t index, const nlohmann::json& item);
    EventDelta foldMessage(Item& item, const nlohmann::json& content);
    void foldFunctionCall(Item& item, const nlohmann::json& call);
    void foldReasoning(Item& item, const nlohmann::json& reasoning);
    EventDelta textDelta(const nlohmann::json& event, std::string_view key, bool done);
    EventDelta argumentsDelta(const nlohmann::json& event, bool done);
    EventDelta reasoningDelta(const nlohmann::json& event);
    Item& itemFor(const nlohmann::json& event);

    ChatResponse response_;
    nlohmann::json status_; // the latest Response's status and incomplete_details
    std::map<std::int64_t, Item> items_;
    std::map<std::string, std::int64_t> indexById_; // item_id → output_index
    std::vector<ToolCall> toolCalls_;
    std::string reasoning_;
    bool refused_ = false;
};

} // namespace ts::openai_responses
