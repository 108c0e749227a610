#pragma once
#include "bridge/playground_session.h"

#include <QFuture>

#include <memory>

namespace ts::ui {

// Runs each request through the core pipeline on the thread pool; deltas and the outcome come
// back as queued signals. One request at a time; stop() cancels it within a few milliseconds.
class PipelineSession final : public PlaygroundSession
{
    Q_OBJECT
public:
    explicit PipelineSession(std::shared_ptr<Pipeline> pipeline, QObject* parent = nullptr);
    ~PipelineSession() override;

    void send(const ChatRequest& request) override;
    void stop() override;
    bool busy() const override { return busy_; }
    std::vector<std::pair<QString, QStringList>> models() const override;

private:
    std::shared_ptr<Pipeline> pipeline_;
    std::shared_ptr<CancelToken> cancel_;
    QFuture<void> running_;
    bool busy_ = false;
};

// The cost is explained with the catalog the pipeline priced it with.
ReplyOutcome outcomeOf(const PipelineResult& result, double durationMs, const Catalog& catalog);

} // namespace ts::ui
