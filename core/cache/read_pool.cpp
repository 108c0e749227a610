#include "cache/read_pool.h"

#include "trace/workspace_open.h"

namespace ts::cache {

ReadPool::Lease ReadPool::lease()
{
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            sql::Connection db = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(db));
        }
    }
    return Lease(*this, workspace::openReadConnection(path_, busyTimeoutMs_));
}

void ReadPool::giveBack(sql::Connection db)
{
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
}

} // namespace ts::cache
