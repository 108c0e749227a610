#pragma once
#include "model/request.h"

#include <cstdint>
#include <string>

namespace ts {

// The cheap classifier tier rules use: a handful of signals that make a request hard for a
// small model (a long prompt, code, tools, a long conversation, asking for reasoning), counted
// without calling any model. Its reasons go on the route span, so a user can see why.
struct Difficulty
{
    bool hard = false;
    std::string reasons; // "code, 3 tools" ; "" when easy
};

Difficulty classifyDifficulty(const ChatRequest& request, std::int64_t inputTokens);

} // namespace ts
