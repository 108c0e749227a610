#pragma once
#include "model/response.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace ts::openai {

// What one chat.completion.chunk added.
struct ChunkDelta
{
    std::string text;        // content (or refusal) text
    bool hasContent = false; // it carried text or a tool-call fragment
};

// Folds chat.completion.chunk objects into one ChatResponse: choice 0's text, tool calls assembled
// from their fragments by index, the finish reason, and the usage of the final chunk.
class StreamAssembler
{
public:
    ChunkDelta apply(const nlohmann::json& chunk);
    ChatResponse response() const;

private:
    void applyDelta(const nlohmann::json& delta, ChunkDelta& out);
    void applyToolFragment(const nlohmann::json& fragment);

    ChatResponse response_;
    std::map<std::int64_t, ToolCall> toolCalls_;
};

} // namespace ts::openai
