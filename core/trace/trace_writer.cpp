#include "trace/trace_writer.h"

#include "trace/background_thread.h"
#include "trace/sqlite_transaction.h"
#include "trace/workspace_open.h"

#include <sqlite3.h>

namespace ts {

namespace {

// Failures that belong to one trace, not to the workspace: worth retrying the others alone.
bool isTraceError(const std::exception& error)
{
    const auto* sqlError = dynamic_cast<const sql::Error*>(&error);
    if (!sqlError)
        return true;
    const int code = sqlError->code() & 0xff; // the primary code: extended codes are on
    return code == SQLITE_CONSTRAINT || code == SQLITE_TOOBIG || code == SQLITE_MISMATCH ||
           code == SQLITE_RANGE;
}

// Another connection holds the write lock beyond the busy timeout (compaction, a long deletion).
bool isLockError(const std::exception& error)
{
    const auto* sqlError = dynamic_cast<const sql::Error*>(&error);
    const int code = sqlError ? sqlError->code() & 0xff : SQLITE_OK;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

constexpr auto kLockRetryPause = std::chrono::milliseconds(50);

constexpr int kCheckpointPages = 1000; // SQLite's own default: about 4 MB of log
constexpr int kLogLimitPages = 20000;  // the checkpointer fell behind: the writer checkpoints itself

} // namespace

TraceWriter::TraceWriter(sql::Connection db, std::string path, Limits limits, std::function<void()> committed)
    : db_(std::move(db)), inserter_(db_), checkpointer_(workspace::openReadConnection(path, 1000)),
      path_(std::move(path)), limits_(limits), committed_(std::move(committed))
{
    // A bigger page cache, as bulk writes touch many index pages; checkpoints run on the
    // checkpointer's thread, and a log that grew for a burst is cut back afterwards.
    db_.exec("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA journal_size_limit = 67108864");
    db_.onCommit([this](int pages) { walGrew(pages); });
    thread_ = std::thread([this] { run(); });
}

TraceWriter::~TraceWriter()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_.notify_all();
    thread_.join();
    try {
        // Keeps the query planner's statistics fresh; bounded, so closing a big workspace stays quick.
        db_.setBusyTimeout(100);
        db_.exec("PRAGMA analysis_limit = 400; PRAGMA optimize");
    } catch (const sql::Error&) {
        // Statistics are an optimisation; a busy workspace can skip them this time.
    }
}

void TraceWriter::enqueue(Trace trace)
{
    std::unique_lock lock(mutex_);
    progress_.wait(lock, [this] { return queue_.size() < limits_.maxQueued; });
    queue_.push_back(std::move(trace));
    ++enqueued_;
    if (queue_.size() == 1 || queue_.size() >= limits_.maxBatch) // the writer waits for exactly these
        work_.notify_one();
}

bool TraceWriter::flush()
{
    std::unique_lock lock(mutex_);
    const std::uint64_t target = enqueued_;
    flushWanted_ = std::max(flushWanted_, target);
    work_.notify_one();
    progress_.wait(lock, [&] { return done_ >= target; });
    const bool ok = failedThrough_ <= reportedThrough_;
    reportedThrough_ = std::max(reportedThrough_, target);
    return ok;
}

std::string TraceWriter::lastError() const
{
    std::lock_guard lock(mutex_);
    return lastError_;
}

void TraceWriter::run()
{
    becomeBackgroundThread();
    for (;;) {
        std::vector<Trace> batch;
        {
            std::unique_lock lock(mutex_);
            work_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty())
                return;
            batch = takeBatch(lock);
        }
        progress_.notify_all();
        std::string error;
        const size_t failed = store(batch, error);
        finishBatch(batch.size(), failed, std::move(error));
        if (failed < batch.size())
            committed_();
    }
}

// Waits up to the window for a full batch, unless a flush or the destructor is waiting.
std::vector<Trace> TraceWriter::takeBatch(std::unique_lock<std::mutex>& lock)
{
    const auto deadline = std::chrono::steady_clock::now() + limits_.window;
    work_.wait_until(lock, deadline, [this] {
        return stopping_ || flushWanted_ > done_ || queue_.size() >= limits_.maxBatch;
    });
    const size_t size = std::min(queue_.size(), limits_.maxBatch);
    std::vector<Trace> batch(std::make_move_iterator(queue_.begin()),
                             std::make_move_iterator(queue_.begin() + static_cast<std::ptrdiff_t>(size)));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(size));
    return batch;
}

void TraceWriter::finishBatch(size_t size, size_t failed, std::string error)
{
    {
        std::lock_guard lock(mutex_);
        done_ += size;
        if (failed > 0) {
            failedThrough_ = done_;
            lastError_ = std::move(error);
        }
    }
    progress_.notify_all();
}

// Runs inside SQLite's commit, so it must not throw.
void TraceWriter::walGrew(int pages) noexcept
{
    if (pages >= kLogLimitPages) {
        try {
            db_.checkpointPassive();
        } catch (const sql::Error&) {
            // Readers hold the log; the next commit tries again.
        }
    } else if (pages >= kCheckpointPages) {
        checkpointer_.request();
    }
}

// Returns how many traces failed. A workspace locked by another connection (compaction rewrites the
// whole file under the write lock) is waited out, up to the lock patience, instead of losing the batch.
size_t TraceWriter::store(const std::vector<Trace>& batch, std::string& error)
{
    const auto giveUp = std::chrono::steady_clock::now() + limits_.lockPatience;
    for (;;) {
        bool locked = false;
        const size_t failed = storeOnce(batch, error, locked);
        if (!locked || std::chrono::steady_clock::now() >= giveUp)
            return failed;
        std::this_thread::sleep_for(kLockRetryPause); // the busy timeout already waited; don't spin when it is 0
    }
}

size_t TraceWriter::storeOnce(const std::vector<Trace>& batch, std::string& error, bool& locked)
{
    try {
        sql::Transaction transaction(db_);
        for (const Trace& trace : batch)
            inserter_.insert(trace);
        inserter_.finish();
        transaction.commit();
        return 0;
    } catch (const std::exception& e) {
        inserter_.abandon();
        if (batch.size() > 1 && isTraceError(e))
            return storeEach(batch, error);
        locked = isLockError(e);
        error = path_ + ": cannot write " + std::to_string(batch.size()) + " trace(s): " + e.what();
        return batch.size();
    }
}

// Stores the traces of a failed batch one transaction each, so one bad trace loses only itself.
size_t TraceWriter::storeEach(const std::vector<Trace>& batch, std::string& error)
{
    size_t failed = 0;
    for (const Trace& trace : batch) {
        try {
            sql::Transaction transaction(db_);
            inserter_.insert(trace);
            inserter_.finish();
            transaction.commit();
        } catch (const std::exception& e) {
            inserter_.abandon();
            ++failed;
            error = path_ + ": cannot write trace " + trace.traceId + ": " + e.what();
        }
    }
    return failed;
}

} // namespace ts
