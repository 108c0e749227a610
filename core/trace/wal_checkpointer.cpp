#include "trace/wal_checkpointer.h"

namespace ts {

WalCheckpointer::WalCheckpointer(sql::Connection db) : db_(std::move(db))
{
    // A connection finds the log on its first read; until then it cannot checkpoint it.
    db_.queryInt("SELECT count(*) FROM sqlite_master");
    thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void WalCheckpointer::request() noexcept
{
    {
        std::lock_guard lock(mutex_);
        wanted_ = true;
    }
    wake_.notify_one();
}

void WalCheckpointer::run()
{
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || wanted_; });
        if (stopping_)
            return;
        wanted_ = false;
        lock.unlock();
        try {
            db_.checkpointPassive();
        } catch (const sql::Error&) {
            // Busy or interrupted: the next commit asks again, and the writer has its own limit.
        }
        lock.lock();
    }
}

} // namespace ts
