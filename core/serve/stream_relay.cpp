#include "serve/stream_relay.h"

#include <optional>

namespace ts::serve {

std::shared_ptr<StreamRelay> StreamRelay::start(Pipeline& pipeline, ChatRequest request, InFlight& inFlight,
                                                StreamThreads& threads)
{
    std::shared_ptr<StreamRelay> relay(new StreamRelay);
    threads.run([relay, &pipeline, &inFlight, request = std::move(request)]() mutable {
        relay->run(pipeline, std::move(request), inFlight);
    });
    return relay;
}

void StreamRelay::run(Pipeline& pipeline, ChatRequest request, InFlight& inFlight)
{
    std::optional<InFlight::Ticket> ticket(std::in_place, inFlight, cancel_);
    RunOptions options;
    options.cancel = &cancel_;
    options.onText = [this](std::string_view delta, Nanos) {
        std::lock_guard lock(mutex_);
        if (abandoned_)
            return false;
        pending_.emplace_back(delta);
        sawText_ = true;
        changed_.notify_one();
        return true;
    };
    PipelineResult result = pipeline.run(std::move(request), options);
    ticket.reset(); // the gateway may stop once the last run has handed over its result
    std::lock_guard lock(mutex_);
    result_ = std::move(result);
    finished_ = true;
    changed_.notify_one();
}

bool StreamRelay::waitForFirstText()
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return sawText_ || finished_; });
    return sawText_;
}

bool StreamRelay::next(std::vector<std::string>& deltas)
{
    deltas.clear();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !pending_.empty() || finished_; });
    deltas.swap(pending_);
    return !deltas.empty();
}

void StreamRelay::abandon()
{
    {
        std::lock_guard lock(mutex_);
        abandoned_ = true;
        pending_.clear();
    }
    cancel_.cancel();
}

} // namespace ts::serve
