#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ts::serve {

// The threads streamed requests run their pipelines on. A stream holds its thread for as long as
// it lasts (minutes, for a long answer), so the pool never makes a job wait: it reuses an idle
// thread or starts one more. Reuse is what matters: each thread keeps its libcurl handles and so
// its keep-alive connection to the upstream, which a thread per stream would open anew every time.
class StreamThreads
{
public:
    StreamThreads() = default;
    ~StreamThreads(); // lets running jobs finish, then joins every thread
    StreamThreads(const StreamThreads&) = delete;
    StreamThreads& operator=(const StreamThreads&) = delete;

    void run(std::function<void()> job);

private:
    void work();

    std::mutex mutex_; // guards everything below
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> threads_;
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

} // namespace ts::serve
