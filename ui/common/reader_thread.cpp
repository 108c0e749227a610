#include "common/reader_thread.h"

#include "trace/store.h"

#include <exception>

namespace ts::ui {

ReaderThread::ReaderThread(std::shared_ptr<TraceStore> store)
    : store_(std::move(store)), thread_([this] { run(); })
{
}

ReaderThread::~ReaderThread()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    wake_.notify_one();
    thread_.join();
}

void ReaderThread::post(Job job, ErrorHandler onError)
{
    {
        std::lock_guard lock(mutex_);
        queue_.push_back({std::move(job), std::move(onError)});
    }
    wake_.notify_one();
}

void ReaderThread::dropQueued()
{
    std::lock_guard lock(mutex_);
    queue_.clear();
}

void ReaderThread::run()
{
    Task task;
    while (next(task))
        execute(task);
    reader_.reset();
}

bool ReaderThread::next(Task& task)
{
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_)
        return false;
    task = std::move(queue_.front());
    queue_.pop_front();
    return true;
}

void ReaderThread::execute(Task& task)
{
    try {
        if (!reader_)
            reader_ = store_->reader();
        task.job(*reader_);
    } catch (const std::exception& e) {
        if (task.onError)
            task.onError(e.what());
    }
    task = {};
}

} // namespace ts::ui
