#include "playground/exact_counter.h"

#include "providers/anthropic_count_tokens.h"

#include <QtConcurrent>

namespace ts::ui {

ExactCounter::ExactCounter(QObject* parent, CountFn count) : QObject(parent), count_(std::move(count))
{
    if (count_) {
        available_ = true;
        return;
    }
    const AnthropicEndpoint endpoint = anthropicEndpointFromEnvironment();
    available_ = !endpoint.apiKey.empty();
    count_ = [endpoint](const ChatRequest& request, const CancelToken* cancel) {
        return countTokensAnthropic(endpoint, request, cancel);
    };
}

void ExactCounter::start(ChatRequest request)
{
    cancel();
    auto token = std::make_shared<CancelToken>();
    cancel_ = token;
    QtConcurrent::run([count = count_, request = std::move(request),
                       token]() -> std::variant<std::int64_t, ProviderError> {
        try {
            return count(request, token.get());
        } catch (const std::exception& e) {
            return ProviderError{.kind = ProviderError::Kind::Network, .message = e.what()};
        }
    }).then(this, [this, token](const std::variant<std::int64_t, ProviderError>& result) {
        if (token != cancel_ || token->cancelled())
            return; // cancelled, or a newer count replaced it
        cancel_.reset();
        if (const auto* tokens = std::get_if<std::int64_t>(&result))
            Q_EMIT counted(*tokens);
        else
            Q_EMIT failed(QString::fromStdString(std::get<ProviderError>(result).message));
    });
}

void ExactCounter::cancel()
{
    if (cancel_)
        cancel_->cancel();
    cancel_.reset();
}

} // namespace ts::ui
