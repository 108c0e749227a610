#pragma once
#include "model/response.h"
#include "model/span.h"

#include <nlohmann/json.hpp>
#include <string>

namespace ts::gemini {

// What one GenerateContentResponse added.
struct ChunkDelta
{
    std::string text;     // answer text, for the reader
    bool answer = false;  // text or a function call arrived: the answer grew
    bool content = false; // any part, thoughts included
};

// Folds the GenerateContentResponse chunks of a stream (formats.md §4) into one ChatResponse:
// candidate 0's text parts joined, functionCall parts (each whole) as tool calls with their args as
// JSON text and the part's thoughtSignature, thought parts kept apart from the answer, the finish
// reason, and the last usageMetadata.
// A blocked prompt (promptFeedback.blockReason, no candidates) finishes it as content_filter.
// A non-streamed reply is one such chunk.
class StreamAssembler
{
  public:
    ChunkDelta apply(const nlohmann::json& chunk);
    ChatResponse response() const;
    bool finished() const { return !finishReason_.empty() || !blockReason_.empty(); }
    // Gemini's own finish or block reason, and how much thinking there was.
    Attributes attributes() const;

  private:
    void applyPart(const nlohmann::json& part, ChunkDelta& out);

    ChatResponse response_;
    nlohmann::json usage_; // the last usageMetadata; null until one arrives
    std::string thinking_;
    std::string finishReason_; // as sent: STOP, MAX_TOKENS, SAFETY, ...
    std::string blockReason_;
};

} // namespace ts::gemini
