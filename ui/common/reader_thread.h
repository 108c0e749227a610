#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace ts {
class TraceReader;
class TraceStore;
} // namespace ts

namespace ts::ui {

// A worker thread with its own TraceReader (readers are one per thread) that runs jobs in order.
// Jobs deliver their results themselves, e.g. with QMetaObject::invokeMethod(receiver, ...,
// Qt::QueuedConnection); a job that throws has its error handler called on this thread.
// The destructor drops queued jobs and waits for the running one, so jobs should check a cancel
// token in long loops.
class ReaderThread
{
public:
    using Job = std::function<void(TraceReader&)>;
    using ErrorHandler = std::function<void(const std::string&)>;

    explicit ReaderThread(std::shared_ptr<TraceStore> store);
    ~ReaderThread();
    ReaderThread(const ReaderThread&) = delete;
    ReaderThread& operator=(const ReaderThread&) = delete;

    void post(Job job, ErrorHandler onError = {});
    void dropQueued();

private:
    struct Task
    {
        Job job;
        ErrorHandler onError;
    };

    void run();
    bool next(Task& task);
    void execute(Task& task);

    std::shared_ptr<TraceStore> store_;
    std::unique_ptr<TraceReader> reader_; // created and destroyed on the worker thread
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Task> queue_;
    bool stopping_ = false;
    std::thread thread_; // last: starts once everything above exists
};

} // namespace ts::ui
