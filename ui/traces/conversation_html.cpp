#include "traces/conversation_html.h"

#include "traces/exchange_text.h"
#include "traces/guard_marks.h"

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString escaped(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

QString roleColor(Role role)
{
    switch (role) {
    case Role::System: return u"#7a7a7a"_s;
    case Role::User: return u"#2f6fbf"_s;
    case Role::Assistant: return u"#2e8b57"_s;
    case Role::Tool: return u"#a0672c"_s;
    }
    return {};
}

QString toolCallHtml(const ToolCall& call)
{
    return u"<div style='margin-left:12px'><b>→ tool call</b> <code>"_s % escaped(call.name) % u"</code> "_s %
           escaped(call.id) % u"<pre>"_s % exchange_text::prettyJson(call.arguments).toHtmlEscaped() %
           u"</pre></div>"_s;
}

// `flagged`: what the guards found in this message, highlighted in its text.
QString messageHtml(const Message& m, const std::vector<ts::guard::RecordedFinding>& flagged)
{
    QString head = u"<p style='margin-bottom:2px'><b style='color:"_s % roleColor(m.role) % u"'>"_s %
                   escaped(std::string(roleName(m.role))) % u"</b>"_s;
    if (!m.name.empty())
        head += u" · "_s % escaped(m.name);
    if (!m.toolCallId.empty())
        head += u" · answers "_s % escaped(m.toolCallId);
    QString html = head % u"</p>"_s;
    if (!m.content.empty())
        html += u"<pre style='white-space:pre-wrap; margin-top:0'>"_s % guardmarks::markedHtml(m.content, flagged) %
                u"</pre>"_s;
    for (const ToolCall& call : m.toolCalls)
        html += toolCallHtml(call);
    return html;
}

// The answer's findings fall on the first output message; the input's on the message they name.
QString section(const QString& title, const std::vector<Message>& messages,
                const std::vector<ts::guard::RecordedFinding>& findings, bool output)
{
    QString html = u"<h3>"_s % title % u"</h3>"_s;
    if (messages.empty())
        html += u"<p><i>none</i></p>"_s;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const auto flagged = !output  ? guardmarks::findingsFor(findings, static_cast<int>(i))
                             : i == 0 ? guardmarks::findingsFor(findings, ts::guard::kOutputMessage)
                                      : std::vector<ts::guard::RecordedFinding>{};
        html += messageHtml(messages[i], flagged);
    }
    return html;
}

} // namespace

QString conversationHtml(const Trace& trace)
{
    const auto findings = guardmarks::findingsOf(trace);
    QString html = section(u"Conversation sent"_s, trace.input, findings, false) %
                   section(u"Output"_s, trace.output, findings, true);
    if (!trace.summary.error.empty())
        html += u"<h3>Error</h3><pre style='white-space:pre-wrap; color:#c82828'>"_s % escaped(trace.summary.error) %
                u"</pre>"_s;
    return html;
}

} // namespace ts::ui
