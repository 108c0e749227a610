#pragma once
#include "model/message.h"

#include <QFrame>

class QLabel;
class QPlainTextEdit;

namespace ts::ui {

// One call the model made: the function's name, its arguments pretty-printed, whether they are
// valid JSON matching the tool's schema, and an editor for the result to send back.
class ToolCallBlock : public QFrame
{
    Q_OBJECT
  public:
    ToolCallBlock(const ToolCall& call, const std::vector<ToolDefinition>& tools, QWidget* parent = nullptr);

    const ToolCall& call() const { return call_; }
    QString argumentsText() const;
    QString verdictText() const;
    bool argumentsOk() const { return argumentsOk_; }
    QString answer() const;
    void setAnswer(const QString& text);
    void setAnswerable(bool on); // off: the result was sent (or this is history); the editor goes
    QPlainTextEdit* answerEditor() const { return answer_; }

  Q_SIGNALS:
    void answerChanged();

  private:
    ToolCall call_;
    QLabel* arguments_;
    QLabel* verdict_;
    QPlainTextEdit* answer_;
    bool argumentsOk_ = false;
};

QString prettyArguments(const std::string& arguments); // indented JSON, or the text as written

} // namespace ts::ui
