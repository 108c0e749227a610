#pragma once
#include "bridge/playground_session.h"
#include "playground/reply_checks.h"

#include <QFrame>

class QLabel;

namespace ts::ui {

class ToolCallsView;

// One turn of the conversation: who said it, the text (streaming in for a reply), its images, the
// tools it called, whether a structured reply holds up, and under a reply its tokens, cost, time
// to first token and trace.
class MessageBubble : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { User, Assistant, System, Tool };
    MessageBubble(Kind kind, const QString& title, const QString& text, QWidget* parent = nullptr);

    void appendText(const QString& delta);
    void setOutcome(const ReplyOutcome& outcome);
    QString text() const { return text_; }
    QString statsText() const;
    QString statsToolTip() const; // the cost explained
    bool hasError() const { return hasError_; }

    void showImages(const std::vector<ImagePart>& images);
    ToolCallsView* showToolCalls(const std::vector<ToolCall>& calls, const std::vector<ToolDefinition>& tools,
                                 bool answerable);
    ToolCallsView* toolCalls() const { return toolCalls_; }
    void showCheck(const checks::Verdict& verdict);
    QString checkText() const;
    int imageCount() const { return imageCount_; }

private:
    void addPart(QWidget* part);

    QLabel* title_;
    QLabel* body_;
    QLabel* stats_;
    QLabel* check_ = nullptr;
    ToolCallsView* toolCalls_ = nullptr;
    QString text_;
    int imageCount_ = 0;
    bool hasError_ = false;
};

QString statsLine(const ReplyOutcome& o);

} // namespace ts::ui
