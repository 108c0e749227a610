#include "serve/stream_threads.h"

namespace ts::serve {

StreamThreads::~StreamThreads()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : threads_)
        t.join();
}

void StreamThreads::run(std::function<void()> job)
{
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
    if (idle_ > jobs_.size() - 1) {
        wake_.notify_one();
        return;
    }
    threads_.emplace_back([this] { work(); });
}

void StreamThreads::work()
{
    std::unique_lock lock(mutex_);
    for (;;) {
        ++idle_;
        wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        --idle_;
        if (jobs_.empty())
            return; // stopping, and nothing left to run
        std::function<void()> job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        job();
        job = nullptr; // whatever it held goes before the lock is taken again
        lock.lock();
    }
}

} // namespace ts::serve
