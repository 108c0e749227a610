#pragma once
#include "bridge/playground_session.h"
#include "model/trace.h"
#include "playground/message_bubble.h"

// How a recorded trace reads back as turns of the playground's conversation.
namespace ts::ui::turns {

MessageBubble::Kind kindOf(Role role);
QString titleOf(const Message& m);
QString shownText(const Message& m);
ReplyOutcome outcomeOf(const TraceSummary& s, const QString& text);

} // namespace ts::ui::turns
