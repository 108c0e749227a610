#pragma once
#include "bridge/playground_session.h"

#include <QFrame>

class QLabel;

namespace ts::ui {

// One turn of the conversation: who said it, the text (streaming in for a reply), and under a
// reply its tokens, cost, time to first token and trace.
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

private:
    QLabel* title_;
    QLabel* body_;
    QLabel* stats_;
    QString text_;
    bool hasError_ = false;
};

QString statsLine(const ReplyOutcome& o);

} // namespace ts::ui
