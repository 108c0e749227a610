#pragma once
#include "model/trace.h"
#include "trace/sqlite_connection.h"
#include "trace/trace_inserter.h"
#include "trace/wal_checkpointer.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ts {

// The one writer of a store: a queue drained by its own thread in batched transactions.
class TraceWriter
{
  public:
    struct Limits
    {
        size_t maxBatch = 500;
        std::chrono::milliseconds window{50};
        size_t maxQueued = 20000;
        std::chrono::milliseconds lockPatience{0}; // a locked workspace: the batch is retried this long
    };

    // committed runs on the writer thread after each transaction that stored traces.
    TraceWriter(sql::Connection db, std::string path, Limits limits, std::function<void()> committed);
    ~TraceWriter(); // commits everything queued, then stops
    TraceWriter(const TraceWriter&) = delete;
    TraceWriter& operator=(const TraceWriter&) = delete;

    // Blocks while maxQueued traces are waiting.
    void enqueue(Trace trace);
    // Waits until everything enqueued before the call is committed or failed; false when a
    // trace failed since the last flush.
    bool flush();
    std::string lastError() const;

  private:
    void run();
    std::vector<Trace> takeBatch(std::unique_lock<std::mutex>& lock);
    void finishBatch(size_t size, size_t failed, std::string error);
    size_t store(const std::vector<Trace>& batch, std::string& error);
    size_t storeOnce(const std::vector<Trace>& batch, std::string& error, bool& locked);
    size_t storeEach(const std::vector<Trace>& batch, std::string& error);
    void walGrew(int pages) noexcept;

    sql::Connection db_;
    TraceInserter inserter_;
    WalCheckpointer checkpointer_;
    std::string path_;
    Limits limits_;
    std::function<void()> committed_;

    mutable std::mutex mutex_;
    std::condition_variable work_;     // the writer waits for traces
    std::condition_variable progress_; // flush() and a full queue wait for the writer
    std::deque<Trace> queue_;
    std::uint64_t enqueued_ = 0;        // sequence number of the last trace enqueued
    std::uint64_t done_ = 0;            // ... of the last trace committed or failed
    std::uint64_t flushWanted_ = 0;     // a flush waits for this sequence number
    std::uint64_t failedThrough_ = 0;   // ... of the last trace that failed
    std::uint64_t reportedThrough_ = 0; // failures up to here were reported by flush()
    std::string lastError_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace ts
