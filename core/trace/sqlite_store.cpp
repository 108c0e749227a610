#include "trace/sqlite_store.h"

#include "trace/sqlite_reader.h"
#include "trace/workspace_open.h"

namespace ts {

namespace {

TraceWriter::Limits writerLimits(const StoreOptions& options)
{
    return {static_cast<size_t>(std::max(1, options.maxBatch)),
            std::chrono::milliseconds(options.batchWindowMs),
            static_cast<size_t>(std::max(1, options.maxQueued)),
            std::chrono::milliseconds(std::max(0, options.lockPatienceMs))};
}

} // namespace

std::unique_ptr<TraceStore> TraceStore::open(const std::string& path, OpenMode mode,
                                             const StoreOptions& options)
{
    sql::Connection db = workspace::openWorkspace(path, mode, options.busyTimeoutMs);
    return std::make_unique<SqliteTraceStore>(path, std::move(db), options);
}

SqliteTraceStore::SqliteTraceStore(std::string path, sql::Connection writerDb, const StoreOptions& options)
    : path_(std::move(path)), options_(options),
      watcher_(workspace::openReadConnection(path_, options.busyTimeoutMs),
               std::chrono::milliseconds(options.watchIntervalMs), [this] { listeners_.notify(); }),
      writer_(std::move(writerDb), path_, writerLimits(options), [this] { committed(); })
{
}

SqliteTraceStore::~SqliteTraceStore() = default;

void SqliteTraceStore::write(Trace trace)
{
    summarize(trace);
    writer_.enqueue(std::move(trace));
}

bool SqliteTraceStore::flush()
{
    return writer_.flush();
}

std::string SqliteTraceStore::lastError() const
{
    return writer_.lastError();
}

int SqliteTraceStore::subscribe(Listener listener)
{
    return listeners_.add(std::move(listener));
}

void SqliteTraceStore::unsubscribe(int id)
{
    listeners_.remove(id);
}

std::unique_ptr<TraceReader> SqliteTraceStore::reader() const
{
    return std::make_unique<SqliteTraceReader>(path_, options_.busyTimeoutMs);
}

// Listeners hear of this commit now; the watcher is told so it does not announce it again.
void SqliteTraceStore::committed()
{
    watcher_.markSeen();
    listeners_.notify();
}

} // namespace ts
