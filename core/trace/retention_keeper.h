#pragma once
#include "model/cancel.h"
#include "trace/store.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace ts {

// Applies a store's retention setting on its own thread: at once, then every `interval` (serve:
// hourly). The setting is read each time, so a change made by another process (the CLI, the app)
// applies without a restart; with nothing to prune a round is one indexed query.
class RetentionKeeper
{
  public:
    // report gets one line for each round that deleted traces or failed.
    RetentionKeeper(TraceStore& store, std::chrono::milliseconds interval,
                    std::function<void(const std::string&)> report);
    ~RetentionKeeper(); // stops a prune in progress after its current transaction
    RetentionKeeper(const RetentionKeeper&) = delete;
    RetentionKeeper& operator=(const RetentionKeeper&) = delete;

  private:
    void run();
    void pruneOnce();

    TraceStore& store_;
    std::chrono::milliseconds interval_;
    std::function<void(const std::string&)> report_;
    CancelToken cancel_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace ts
