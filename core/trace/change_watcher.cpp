#include "trace/change_watcher.h"

namespace ts {

ChangeWatcher::ChangeWatcher(sql::Connection db, std::chrono::milliseconds interval,
                             std::function<void()> changed)
    : db_(std::move(db)), version_(db_, "PRAGMA data_version"), interval_(interval),
      changed_(std::move(changed))
{
    markSeen();
    thread_ = std::thread([this] { run(); });
}

ChangeWatcher::~ChangeWatcher()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void ChangeWatcher::markSeen()
{
    std::lock_guard lock(mutex_);
    versionChanged();
}

// Call with mutex_ held.
bool ChangeWatcher::versionChanged()
{
    try {
        version_.step();
        const std::int64_t version = version_.columnInt(0);
        version_.reset();
        const bool changed = version != seen_;
        seen_ = version;
        return changed;
    } catch (const sql::Error&) {
        return false; // a busy or recovering WAL index: look again next time
    }
}

void ChangeWatcher::run()
{
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
        if (!versionChanged())
            continue;
        lock.unlock();
        changed_();
        lock.lock();
    }
}

} // namespace ts
