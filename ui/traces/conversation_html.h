#pragma once
#include "model/trace.h"

#include <QString>

namespace ts::ui {

// The conversation of a trace as simple HTML for a QTextBrowser: each message with its role, text
// and tool calls, then the model's output. Text is escaped; nothing in a message is interpreted.
QString conversationHtml(const Trace& trace);

} // namespace ts::ui
