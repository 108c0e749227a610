#include "playground/message_bubble.h"

#include "common/format.h"
#include "playground/image_chips.h"
#include "playground/tool_calls_view.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString styleFor(MessageBubble::Kind kind)
{
    switch (kind) {
    case MessageBubble::Kind::User:
        return u"QFrame#bubble { background: palette(alternate-base); border-radius: 8px; }"_s;
    case MessageBubble::Kind::System:
    case MessageBubble::Kind::Tool:
        return u"QFrame#bubble { border: 1px dashed palette(mid); border-radius: 8px; }"_s;
    case MessageBubble::Kind::Assistant:
        break;
    }
    return u"QFrame#bubble { border: 1px solid palette(mid); border-radius: 8px; }"_s;
}

} // namespace

QString statsLine(const ReplyOutcome& o)
{
    QStringList parts;
    QString in = format::tokens(o.inputTokens) + u" in"_s;
    if (o.cachedTokens > 0)
        in += u" ("_s + format::tokens(o.cachedTokens) + u" cached)"_s;
    parts << in << format::tokens(o.outputTokens) + u" out"_s;
    parts << (o.costKnown ? format::cost(o.costUsd) : u"cost unknown"_s);
    parts << u"TTFT "_s + (o.ttftMs ? format::duration(*o.ttftMs) : u"–"_s);
    parts << format::duration(o.durationMs);
    if (o.simulated)
        parts << u"simulated"_s;
    if (!o.traceId.isEmpty())
        parts << u"trace "_s + o.traceId.left(8);
    return parts.join(u"  ·  "_s);
}

MessageBubble::MessageBubble(Kind kind, const QString& title, const QString& text, QWidget* parent)
    : QFrame(parent), title_(new QLabel(title, this)), body_(new QLabel(this)), stats_(new QLabel(this)),
      text_(text)
{
    setObjectName(u"bubble"_s);
    setStyleSheet(styleFor(kind));
    title_->setStyleSheet(u"font-weight: 600;"_s);
    body_->setText(text);
    body_->setWordWrap(true);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    body_->setTextFormat(Qt::PlainText);
    stats_->setStyleSheet(u"color: palette(placeholder-text); font-size: 11px;"_s);
    stats_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stats_->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(4);
    layout->addWidget(title_);
    layout->addWidget(body_);
    layout->addWidget(stats_);
    setAccessibleName(title);
}

void MessageBubble::appendText(const QString& delta)
{
    text_ += delta;
    body_->setText(text_);
}

void MessageBubble::setOutcome(const ReplyOutcome& o)
{
    text_ = o.text;
    QString shown = text_;
    if (o.cancelled)
        shown += u"\n\n[stopped]"_s;
    body_->setText(shown);
    body_->setVisible(!shown.trimmed().isEmpty()); // a reply of tool calls only shows them in their blocks
    if (!o.error.isEmpty()) {
        hasError_ = true;
        stats_->setStyleSheet(u"color: #c0392b; font-size: 11px;"_s);
        stats_->setText(u"Error: "_s + o.error + u"\n"_s + statsLine(o));
    } else {
        stats_->setText(statsLine(o));
    }
    if (!o.costExplanation.isEmpty())
        stats_->setToolTip(u"<pre style=\"margin:0\">"_s + o.costExplanation.toHtmlEscaped() + u"</pre>"_s);
    stats_->setVisible(true);
}

void MessageBubble::addPart(QWidget* part)
{
    auto* column = static_cast<QVBoxLayout*>(layout());
    column->insertWidget(column->indexOf(stats_), part);
}

void MessageBubble::showImages(const std::vector<ImagePart>& images)
{
    if (images.empty())
        return;
    auto* chips = new ImageChips(false, this);
    for (const ImagePart& part : images)
        chips->add(part, u"image"_s);
    imageCount_ += chips->count();
    addPart(chips);
    body_->setVisible(!text_.isEmpty());
}

ToolCallsView* MessageBubble::showToolCalls(const std::vector<ToolCall>& calls,
                                            const std::vector<ToolDefinition>& tools, bool answerable)
{
    delete toolCalls_;
    toolCalls_ = new ToolCallsView(calls, tools, answerable, this);
    addPart(toolCalls_);
    return toolCalls_;
}

void MessageBubble::showCheck(const checks::Verdict& verdict)
{
    if (!check_) {
        check_ = new QLabel(this);
        check_->setObjectName(u"replyCheck"_s);
        check_->setWordWrap(true);
        check_->setTextInteractionFlags(Qt::TextSelectableByMouse);
        addPart(check_);
    }
    check_->setText((verdict.ok ? u"✓ "_s : u"✗ "_s) + verdict.text);
    check_->setStyleSheet(verdict.ok ? u"color: #2e7d32;"_s : u"color: #c0392b;"_s);
}

QString MessageBubble::checkText() const
{
    return check_ ? check_->text() : QString();
}

QString MessageBubble::statsText() const
{
    return stats_->text();
}
QString MessageBubble::statsToolTip() const
{
    return stats_->toolTip();
}

} // namespace ts::ui
