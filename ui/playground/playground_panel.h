#pragma once
#include "bridge/playground_session.h"
#include "model/trace.h"
#include "playground/prompt_counter.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ts::ui {

class ConversationView;
class MessageBubble;
class MeterController;
class RequestForm;
class TokenMeter;

// Type a prompt, watch the answer stream in, see what it cost. Each send goes through the session
// (the real pipeline in the app), so every reply is also a trace.
class PlaygroundPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PlaygroundPanel(PlaygroundSession* session, QWidget* parent = nullptr);

    void setPrompt(const QString& text);
    void send();
    void stop();
    void newChat();
    void editLastMessage(); // pops the last user turn (and its reply) back into the composer
    void openTrace(const Trace& trace);

    const std::vector<Message>& history() const { return history_; }
    ConversationView* conversation() const { return conversation_; }
    TokenMeter* meter() const { return meter_; }
    MeterController* meterController() const { return meterController_; }
    PromptDraft draft() const; // what Send would send now, the composer's text as the last message

Q_SIGNALS:
    void replyFinished(const ts::ui::ReplyOutcome& outcome);

private:
    QWidget* buildComposer();
    void wire();
    void onFinished(const ReplyOutcome& outcome);
    void updateButtons();
    void promptChanged();
    void remember(Message message, int bubble);
    QString replyTitle() const;

    PlaygroundSession* session_;
    RequestForm* form_;
    ConversationView* conversation_;
    QPlainTextEdit* composer_;
    QPushButton* sendButton_;
    QPushButton* stopButton_;
    QLabel* notice_;
    TokenMeter* meter_;
    MeterController* meterController_;
    MessageBubble* streaming_ = nullptr;
    std::vector<Message> history_; // without the system prompt
    std::vector<int> bubbleOf_;    // the bubble showing each history entry (failed replies have none)
};

} // namespace ts::ui
