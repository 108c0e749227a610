#include "trace/trace_eraser.h"

#include "trace/sqlite_connection.h"
#include "trace/sqlite_transaction.h"
#include "trace/summary_codec.h"
#include "trace/workspace_open.h"

#include <thread>

namespace ts {

TraceEraser::TraceEraser(sql::Connection& db, std::string path, int busyTimeoutMs, Limits limits,
                         std::function<void()> committed)
    : db_(db), path_(std::move(path)), busyTimeoutMs_(busyTimeoutMs), limits_(limits),
      committed_(std::move(committed)),
      summary_(db, "SELECT " + std::string(codec::kSummaryColumns) + " FROM traces WHERE rowid = ?1"),
      remove_(db, "DELETE FROM traces WHERE rowid = ?1"), rollups_(db)
{
}

DeleteResult TraceEraser::erase(const DoomedTraces& doomed, const CancelToken* cancel,
                                const DeleteProgress& progress)
{
    DeleteResult result;
    result.notFound = doomed.notFound;
    const std::vector<DoomedTrace>& list = doomed.traces;
    for (size_t next = 0; next < list.size();) {
        if (next > 0)
            std::this_thread::sleep_for(limits_.pause);
        if (cancel && cancel->cancelled()) {
            result.cancelled = true;
            break;
        }
        try {
            next = eraseBatch(list, next, cancel, result);
        } catch (const sql::Error& error) {
            fail(error, result, list.size());
        }
        committed_();
        if (progress)
            progress(result.traces, static_cast<std::int64_t>(list.size()));
    }
    return result;
}

// One transaction: from `from` until the batch is full, its time is up or the token is cancelled.
// Returns where the next one starts.
size_t TraceEraser::eraseBatch(const std::vector<DoomedTrace>& list, size_t from, const CancelToken* cancel,
                               DeleteResult& result)
{
    const auto deadline = std::chrono::steady_clock::now() + limits_.batchTime;
    DeleteResult batch;
    size_t at = from;
    sql::Transaction transaction(db_);
    try {
        do {
            eraseOne(list[at++], batch);
        } while (at < list.size() && at - from < limits_.maxBatch &&
                 std::chrono::steady_clock::now() < deadline && !(cancel && cancel->cancelled()));
        rollups_.write();
        transaction.commit();
    } catch (...) {
        rollups_.discard();
        throw;
    }
    result.traces += batch.traces;
    result.costUsd += batch.costUsd;
    return at;
}

// Reads the summary first: the rollups lose exactly what the stored trace added to them.
void TraceEraser::eraseOne(const DoomedTrace& doomed, DeleteResult& batch)
{
    summary_.bindInt(1, doomed.rowId);
    std::optional<TraceSummary> summary;
    if (summary_.step())
        summary = codec::readSummary(summary_);
    summary_.reset();
    if (!summary || traceIdHash(summary->traceId) != doomed.idHash)
        return; // deleted or replaced by someone else since the selection was read
    rollups_.add(*summary, -1);
    remove_.bindInt(1, doomed.rowId).run(); // spans, messages (and their index rows), exchanges cascade
    remove_.reset();
    ++batch.traces;
    batch.costUsd += summary->costUsd;
}

void TraceEraser::fail(const sql::Error& error, const DeleteResult& done, size_t selected) const
{
    const WorkspaceError base = workspace::workspaceError(path_, error, busyTimeoutMs_);
    if (done.traces == 0)
        throw base;
    throw WorkspaceError(base.reason(), std::string(base.what()) + " (" + std::to_string(done.traces) +
                                            " of " + std::to_string(selected) +
                                            " traces were deleted before that)");
}

} // namespace ts
