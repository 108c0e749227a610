#include "trace/retention_keeper.h"

#include "model/time.h"
#include "trace/background_thread.h"

namespace ts {

RetentionKeeper::RetentionKeeper(TraceStore& store, std::chrono::milliseconds interval,
                                 std::function<void(const std::string&)> report)
    : store_(store), interval_(interval), report_(std::move(report))
{
    thread_ = std::thread([this] { run(); });
}

RetentionKeeper::~RetentionKeeper()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cancel_.cancel();
    wake_.notify_all();
    thread_.join();
}

void RetentionKeeper::run()
{
    becomeBackgroundThread();
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        pruneOnce();
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

void RetentionKeeper::pruneOnce()
{
    try {
        const std::optional<int> days = store_.retentionDays();
        if (!days)
            return;
        const DeleteResult pruned = store_.prune(wallNowNs(), &cancel_);
        if (pruned.traces > 0)
            report_("retention: deleted " + std::to_string(pruned.traces) + " trace(s) older than " +
                    std::to_string(*days) + " days");
    } catch (const std::exception& error) {
        report_(std::string("retention: ") + error.what());
    }
}

} // namespace ts
