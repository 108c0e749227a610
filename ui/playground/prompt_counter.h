#pragma once
#include "model/message.h"
#include "tokens/model_tokens.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <optional>

namespace ts::ui {

// The prompt that Send would make now. The draft stays a QString until the worker converts it.
struct PromptDraft
{
    QString model;
    std::optional<int> maxTokens;  // the form's, if set
    std::vector<Message> messages; // system prompt and the conversation so far
    QString draft;                 // the composer's text, the next user message
};

// A count of one draft, for the model it was counted for.
struct PromptCount
{
    QString model;
    std::optional<int> maxTokens;
    TokenCount count;
    QString error; // the counter failed (a missing tokenizer file, say); count is empty
};

// Counts the prompt off the GUI thread after a short pause in typing. The newest draft wins: a
// result that lands after a newer change is dropped, and at most one count runs at a time (a
// change during a count queues one more, for the newest draft).
class PromptCounter : public QObject
{
    Q_OBJECT
  public:
    using Source = std::function<PromptDraft()>;
    using CountFn = std::function<TokenCount(const QString& model, const std::vector<Message>& messages)>;

    // `count` defaults to ModelTokenCounter::forModel(model).countChat(messages).
    explicit PromptCounter(Source source, QObject* parent = nullptr, CountFn count = {});

    void changed(); // the draft changed: count it again once typing pauses
    void setDebounceMs(int ms) { debounce_.setInterval(ms); }
    bool counting() const { return debounce_.isActive() || running_; }
    std::uint64_t generation() const { return generation_; }

  Q_SIGNALS:
    void started(); // a count is due; whatever is shown is out of date
    void counted(const ts::ui::PromptCount& result);

  private:
    void launch();
    void landed(std::uint64_t generation, const PromptCount& result);

    Source source_;
    CountFn count_;
    QTimer debounce_;
    bool running_ = false;
    std::uint64_t generation_ = 0; // bumped by every change
};

} // namespace ts::ui

Q_DECLARE_METATYPE(ts::ui::PromptCount)
