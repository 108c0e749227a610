#include "common/workspace_analyzer.h"

namespace ts::ui {

WorkspaceAnalyzer::WorkspaceAnalyzer(std::shared_ptr<TraceStore> store, std::int64_t cap, QObject* parent)
    : QObject(parent), cap_(cap), thread_(std::move(store))
{
}

WorkspaceAnalyzer::~WorkspaceAnalyzer()
{
    if (token_)
        token_->cancel();
}

void WorkspaceAnalyzer::post(Work work)
{
    if (token_ && running_)
        token_->cancel(); // replaced, not cancelled by the user: no cancelled() signal
    token_ = std::make_shared<CancelToken>();
    running_ = true;
    const Generation generation = ++generation_;
    auto onError = [this, generation](const std::string& reason) {
        finish(generation, [this, text = QString::fromStdString(reason)] { Q_EMIT failed(text); });
    };
    thread_.post([work = std::move(work), token = token_, generation,
                  cap = cap_](TraceReader& reader) { work(reader, *token, generation, cap); },
                 std::move(onError));
}

void WorkspaceAnalyzer::cancel()
{
    if (!token_ || !running_)
        return;
    token_->cancel();
    running_ = false;
    ++generation_; // whatever the cancelled job still sends is stale
    Q_EMIT cancelled();
}

bool ProgressThrottle::pass(std::size_t done, std::size_t total, int stage)
{
    const std::size_t step = total ? done * kSteps / total : 0;
    if (stage == stage_ && step == step_)
        return false;
    stage_ = stage;
    step_ = step;
    return true;
}

} // namespace ts::ui
