#pragma once
#include "model/response.h"
#include "model/span.h"

#include <nlohmann/json.hpp>
#include <string>

namespace ts::ollama {

// What one line added.
struct LineDelta
{
    std::string text;     // answer text, for the reader
    bool answer = false;  // text or a tool call arrived: the answer grew
    bool content = false; // any content, thinking included
};

// Folds /api/chat reply lines (formats.md §3.1) into one ChatResponse: message.content joined, tool
// calls (each arrives whole) with their argument objects as JSON text, thinking kept apart from the
// answer, and from the done:true line the finish reason, usage and durations. A non-streamed reply
// is one such line and folds the same way. Any field may be absent.
class StreamAssembler
{
  public:
    LineDelta apply(const nlohmann::json& line);
    ChatResponse response() const;
    bool done() const { return done_; }
    // The final line's durations in ms, and how much thinking there was.
    Attributes attributes() const;

  private:
    ChatResponse response_;
    nlohmann::json final_; // the done:true line
    std::string thinking_;
    bool done_ = false;
};

} // namespace ts::ollama
