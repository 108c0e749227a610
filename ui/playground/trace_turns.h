#pragma once
#include "bridge/playground_session.h"
#include "model/trace.h"
#include "playground/message_bubble.h"

// How a recorded trace reads back as turns of the playground's conversation.
namespace ts::ui::turns {

MessageBubble::Kind kindOf(Role role);
QString titleOf(const Message& m);
QString shownText(const Message& m); // tool calls show in their own blocks, not in the text
// Tool results name their tool (OpenAI's do not): taken from the call each one answers.
std::vector<Message> withToolNames(std::vector<Message> messages);
ReplyOutcome outcomeOf(const TraceSummary& s, const QString& text);

} // namespace ts::ui::turns
