#include "playground/trace_turns.h"

#include "common/cost_text.h"

#include <map>

using namespace Qt::StringLiterals;

namespace ts::ui::turns {

MessageBubble::Kind kindOf(Role role)
{
    switch (role) {
    case Role::User:
        return MessageBubble::Kind::User;
    case Role::Assistant:
        return MessageBubble::Kind::Assistant;
    case Role::System:
        return MessageBubble::Kind::System;
    case Role::Tool:
        return MessageBubble::Kind::Tool;
    }
    return MessageBubble::Kind::User;
}

QString titleOf(const Message& m)
{
    switch (m.role) {
    case Role::User:
        return u"You"_s;
    case Role::Assistant:
        return u"Assistant"_s;
    case Role::System:
        return u"System"_s;
    case Role::Tool:
        return u"Tool result · "_s + QString::fromStdString(m.name);
    }
    return {};
}

QString shownText(const Message& m) { return QString::fromStdString(m.content); }

std::vector<Message> withToolNames(std::vector<Message> messages)
{
    std::map<std::string, std::string> nameOfCall;
    for (Message& m : messages) {
        for (const ToolCall& c : m.toolCalls)
            nameOfCall[c.id] = c.name;
        if (m.role == Role::Tool && m.name.empty() && nameOfCall.contains(m.toolCallId))
            m.name = nameOfCall[m.toolCallId];
    }
    return messages;
}

ReplyOutcome outcomeOf(const TraceSummary& s, const QString& text)
{
    ReplyOutcome o;
    o.text = text;
    o.inputTokens = s.inputTokens;
    o.outputTokens = s.outputTokens;
    o.cachedTokens = s.cacheReadTokens;
    o.costUsd = s.costUsd;
    o.ttftMs = s.ttftMs;
    o.durationMs = s.durationMs;
    o.simulated = s.simulated;
    o.traceId = QString::fromStdString(s.traceId);
    o.model = QString::fromStdString(s.model);
    if (s.status != "ok")
        o.error = QString::fromStdString(s.error.empty() ? s.status : s.error);
    const Usage usage{.inputTokens = s.inputTokens,
                      .outputTokens = s.outputTokens,
                      .cacheReadTokens = s.cacheReadTokens,
                      .reasoningTokens = s.reasoningTokens,
                      .reported = true};
    o.costExplanation = costtext::explain(s.model, s.simulated ? std::string() : s.provider, usage);
    return o;
}

} // namespace ts::ui::turns
