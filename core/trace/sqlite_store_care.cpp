// SqliteTraceStore's workspace care: deleting traces, retention, compaction. Each call opens its own
// connection, so it runs on the caller's thread beside the writer and the readers.
#include "trace/compaction.h"
#include "trace/retention.h"
#include "trace/sqlite_store.h"
#include "trace/trace_eraser.h"
#include "trace/workspace_open.h"

#include <algorithm>

namespace ts {

namespace {

template <typename Work>
auto onWorkspace(const std::string& path, int busyTimeoutMs, Work&& work) -> decltype(work())
{
    try {
        return work();
    } catch (const sql::Error& error) {
        throw workspace::workspaceError(path, error, busyTimeoutMs);
    }
}

TraceEraser::Limits eraseLimits(const StoreOptions& options)
{
    TraceEraser::Limits limits;
    limits.maxBatch = static_cast<size_t>(std::max(1, options.deleteBatch));
    return limits;
}

} // namespace

DeleteResult SqliteTraceStore::deleteTraces(const TraceSelection& which, const CancelToken* cancel,
                                            const DeleteProgress& progress)
{
    const int timeout = options_.busyTimeoutMs;
    sql::Connection db = workspace::openWriteConnection(path_, timeout);
    const DoomedTraces doomed = onWorkspace(path_, timeout, [&] { return findDoomed(db, which); });
    TraceEraser eraser(db, path_, timeout, eraseLimits(options_), [this] { committed(); });
    return eraser.erase(doomed, cancel, progress);
}

DeleteResult SqliteTraceStore::previewDelete(const TraceSelection& which)
{
    const int timeout = options_.busyTimeoutMs;
    sql::Connection db = workspace::openReadConnection(path_, timeout);
    const DoomedTraces doomed = onWorkspace(path_, timeout, [&] { return findDoomed(db, which); });
    DeleteResult result;
    result.traces = static_cast<std::int64_t>(doomed.traces.size());
    for (const DoomedTrace& trace : doomed.traces)
        result.costUsd += trace.costUsd;
    result.notFound = doomed.notFound;
    return result;
}

std::optional<int> SqliteTraceStore::retentionDays()
{
    sql::Connection db = workspace::openReadConnection(path_, options_.busyTimeoutMs);
    return onWorkspace(path_, options_.busyTimeoutMs, [&] { return retention::read(db, path_); });
}

void SqliteTraceStore::setRetentionDays(std::optional<int> days)
{
    sql::Connection db = workspace::openWriteConnection(path_, options_.busyTimeoutMs);
    onWorkspace(path_, options_.busyTimeoutMs, [&] { retention::write(db, days); });
}

DeleteResult SqliteTraceStore::prune(Nanos now, const CancelToken* cancel, const DeleteProgress& progress)
{
    const std::optional<int> days = retentionDays();
    if (!days)
        return {};
    return deleteTraces(retention::olderThan(*days, now), cancel, progress);
}

CompactResult SqliteTraceStore::compact()
{
    return workspace::compact(path_, options_.busyTimeoutMs);
}

} // namespace ts
