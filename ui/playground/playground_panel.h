#pragma once
#include "bridge/playground_session.h"
#include "model/trace.h"
#include "playground/prompt_counter.h"
#include "prompts/prompt_version.h"

#include <map>

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ts::ui {

class AttachmentStrip;
class Composer;
class ConversationView;
class MessageBubble;
class MeterController;
class PromptLibraryView;
class RequestForm;
class TokenMeter;
class VariablesForm;

// Type a prompt (with images), watch the answer stream in, see what it cost. Tool calls show as
// blocks to answer by hand, and the answers go back to the model; structured replies are checked
// against their schema. Each send goes through the session (the real pipeline in the app), so
// every reply is also a trace.
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
    // Saved prompts live in the workspace file: the library opens it (an existing file).
    void setPromptWorkspace(const QString& path);
    void openVersion(const prompts::PromptVersion& version);

    const std::vector<Message>& history() const { return history_; }
    void sendToolResults(MessageBubble* bubble); // the answers typed under its tool calls, then ask again
    ConversationView* conversation() const { return conversation_; }
    RequestForm* form() const { return form_; }
    AttachmentStrip* attachments() const { return attachments_; }
    QString noticeText() const;
    TokenMeter* meter() const { return meter_; }
    MeterController* meterController() const { return meterController_; }
    PromptDraft draft() const; // what Send would send now, the composer's text as the last message
    PromptLibraryView* library() const { return library_; }
    VariablesForm* variables() const { return variables_; }
    // The prompt as typed (before its {{variables}} are filled in), as the library saves it.
    prompts::PromptVersionDraft promptDraft() const;

Q_SIGNALS:
    void replyFinished(const ts::ui::ReplyOutcome& outcome);

private:
    QWidget* buildComposer();
    QWidget* buildComposerColumn();
    void wirePrompts();
    void retemplate();
    void attach();
    void sendHistory();
    void showReplyParts(MessageBubble* bubble, const ReplyOutcome& outcome);
    void addTurn(const Message& m);
    void showNotice(const QString& text);
    QString sendProblem() const;
    void wire();
    void onFinished(const ReplyOutcome& outcome);
    void updateButtons();
    void promptChanged();
    void remember(Message message, int bubble);
    QString replyTitle() const;

    PlaygroundSession* session_;
    RequestForm* form_;
    ConversationView* conversation_;
    Composer* composer_;
    AttachmentStrip* attachments_;
    QPushButton* sendButton_;
    QPushButton* stopButton_;
    QLabel* notice_;
    TokenMeter* meter_;
    MeterController* meterController_;
    MessageBubble* streaming_ = nullptr;
    std::vector<Message> history_; // without the system prompt
    std::vector<int> bubbleOf_;    // the bubble showing each history entry (failed replies have none)
    std::vector<ToolDefinition> sentTools_; // what the reply in flight was asked with, to check it against
    ResponseFormat sentFormat_;
    PromptLibraryView* library_;
    VariablesForm* variables_;
    std::optional<prompts::PromptVersionDraft> pendingDraft_; // the send the library files when it finishes
    std::map<size_t, QString> typedOf_; // history index → the template typed, where it had variables
};

} // namespace ts::ui
