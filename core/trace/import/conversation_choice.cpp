#include "trace/import/conversation_choice.h"

#include "model/attributes.h"

#include <map>

namespace ts::import {

namespace {

bool isModelCall(const Trace& piece)
{
    return !piece.spans.empty() && piece.spans.front().attrView(attr::kStage) == "llm.call";
}

// Whether candidate's conversation is the better one: a model call beats anything else, and of
// two model calls the one that ended later wins.
bool better(const Trace& candidate, const Trace& best)
{
    if (isModelCall(candidate) != isModelCall(best))
        return isModelCall(candidate);
    return isModelCall(candidate) && candidate.spans.front().end >= best.spans.front().end;
}

} // namespace

void keepOneConversation(std::vector<Trace>& pieces)
{
    std::map<std::string, const Trace*, std::less<>> chosen;
    for (const Trace& piece : pieces) {
        if (piece.input.empty() && piece.output.empty())
            continue;
        const Trace*& best = chosen[piece.traceId];
        if (!best || better(piece, *best))
            best = &piece;
    }
    for (Trace& piece : pieces)
        if (chosen[piece.traceId] != &piece) {
            piece.input.clear();
            piece.output.clear();
        }
}

} // namespace ts::import
