#pragma once
#include "model/cancel.h"
#include "model/request.h"
#include "providers/provider.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <variant>

namespace ts::ui {

// Asks the provider for the exact input token count of a request (Anthropic's count_tokens), off
// the GUI thread. One count at a time; cancel() drops the running one (its result never lands).
class ExactCounter : public QObject
{
    Q_OBJECT
  public:
    using CountFn =
        std::function<std::variant<std::int64_t, ProviderError>(const ChatRequest&, const CancelToken*)>;

    // `count` defaults to countTokensAnthropic with the endpoint from the environment.
    explicit ExactCounter(QObject* parent = nullptr, CountFn count = {});

    bool available() const { return available_; } // a key is set (or a counter was handed in)
    void start(ChatRequest request);
    void cancel();
    bool running() const { return cancel_ != nullptr; }

  Q_SIGNALS:
    void counted(qint64 tokens);
    void failed(const QString& message);

  private:
    CountFn count_;
    bool available_ = false;
    std::shared_ptr<CancelToken> cancel_;
};

} // namespace ts::ui
