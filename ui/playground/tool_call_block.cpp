#include "playground/tool_call_block.h"

#include "playground/reply_checks.h"
#include "structured/json_text.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

constexpr int kAnswerHeight = 56;

QString verdictStyle(bool ok)
{
    return ok ? u"color: #2e7d32;"_s : u"color: #c0392b;"_s;
}

} // namespace

QString prettyArguments(const std::string& arguments)
{
    const auto parsed = structured::parseJson(arguments);
    return QString::fromStdString(parsed.ok() ? parsed.value->dump(2) : arguments);
}

ToolCallBlock::ToolCallBlock(const ToolCall& call, const std::vector<ToolDefinition>& tools, QWidget* parent)
    : QFrame(parent), call_(call), arguments_(new QLabel(prettyArguments(call.arguments), this)),
      verdict_(new QLabel(this)), answer_(new QPlainTextEdit(this))
{
    setObjectName(u"toolCall"_s);
    setStyleSheet(u"QFrame#toolCall { background: palette(alternate-base); border-radius: 6px; }"_s);
    auto* title = new QLabel(u"<b>"_s + QString::fromStdString(call.name).toHtmlEscaped() +
                                 u"</b> <span style=\"color: gray;\">· call "_s +
                                 QString::fromStdString(call.id).toHtmlEscaped() + u"</span>"_s,
                             this);
    title->setTextFormat(Qt::RichText);
    arguments_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    arguments_->setTextFormat(Qt::PlainText);
    arguments_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    arguments_->setWordWrap(true);
    const checks::Verdict verdict = checks::checkArguments(call, tools);
    argumentsOk_ = verdict.ok;
    verdict_->setText((verdict.ok ? u"✓ "_s : u"✗ "_s) + verdict.text);
    verdict_->setStyleSheet(verdictStyle(verdict.ok));
    verdict_->setWordWrap(true);
    answer_->setPlaceholderText(u"Result to send back to the model, e.g. {\"temperature_c\": 18}"_s);
    answer_->setAccessibleName(u"Result of "_s + QString::fromStdString(call.name));
    answer_->setFixedHeight(kAnswerHeight);
    answer_->setTabChangesFocus(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(3);
    layout->addWidget(title);
    layout->addWidget(arguments_);
    layout->addWidget(verdict_);
    layout->addWidget(answer_);
    connect(answer_, &QPlainTextEdit::textChanged, this, &ToolCallBlock::answerChanged);
}

QString ToolCallBlock::argumentsText() const
{
    return arguments_->text();
}
QString ToolCallBlock::verdictText() const
{
    return verdict_->text();
}
QString ToolCallBlock::answer() const
{
    return answer_->toPlainText();
}
void ToolCallBlock::setAnswer(const QString& text)
{
    answer_->setPlainText(text);
}
void ToolCallBlock::setAnswerable(bool on)
{
    answer_->setVisible(on);
}

} // namespace ts::ui
