#include "playground/trace_turns.h"

#include "common/cost_text.h"

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

QString shownText(const Message& m)
{
    QString text = QString::fromStdString(m.content);
    for (const ToolCall& c : m.toolCalls)
        text += (text.isEmpty() ? u""_s : u"\n"_s) + u"→ "_s +
                QString::fromStdString(c.name + "(" + c.arguments + ")");
    return text;
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
