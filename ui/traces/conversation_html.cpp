#include "traces/conversation_html.h"

#include "traces/exchange_text.h"

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

QString messageHtml(const Message& m)
{
    QString head = u"<p style='margin-bottom:2px'><b style='color:"_s % roleColor(m.role) % u"'>"_s %
                   escaped(std::string(roleName(m.role))) % u"</b>"_s;
    if (!m.name.empty())
        head += u" · "_s % escaped(m.name);
    if (!m.toolCallId.empty())
        head += u" · answers "_s % escaped(m.toolCallId);
    QString html = head % u"</p>"_s;
    if (!m.content.empty())
        html += u"<pre style='white-space:pre-wrap; margin-top:0'>"_s % escaped(m.content) % u"</pre>"_s;
    for (const ToolCall& call : m.toolCalls)
        html += toolCallHtml(call);
    return html;
}

QString section(const QString& title, const std::vector<Message>& messages)
{
    QString html = u"<h3>"_s % title % u"</h3>"_s;
    if (messages.empty())
        html += u"<p><i>none</i></p>"_s;
    for (const Message& m : messages)
        html += messageHtml(m);
    return html;
}

} // namespace

QString conversationHtml(const Trace& trace)
{
    QString html = section(u"Conversation sent"_s, trace.input) % section(u"Output"_s, trace.output);
    if (!trace.summary.error.empty())
        html += u"<h3>Error</h3><pre style='white-space:pre-wrap; color:#c82828'>"_s % escaped(trace.summary.error) %
                u"</pre>"_s;
    return html;
}

} // namespace ts::ui
