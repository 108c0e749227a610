#pragma once
#include "trace/doomed_traces.h"
#include "trace/rollup_writer.h"
#include "trace/sqlite_connection.h"
#include "trace/sqlite_statement.h"
#include "trace/store.h"

#include <chrono>
#include <functional>
#include <string>

namespace ts {

// Deletes chosen traces in short transactions, each taking its traces out of the rollups, with a
// pause after each so that writers waiting for the lock (this process's and others') get it.
class TraceEraser
{
  public:
    struct Limits
    {
        size_t maxBatch = 2000;                   // traces per transaction
        std::chrono::milliseconds batchTime{250}; // a transaction ends after this, however few it took
        // Longer than SQLite's longest busy-wait sleep (100 ms), so a waiting writer wakes within it.
        std::chrono::milliseconds pause{120};
    };

    // db: a write connection with foreign keys on (workspace::openWriteConnection); committed runs
    // after each transaction. Errors become WorkspaceError naming path.
    TraceEraser(sql::Connection& db, std::string path, int busyTimeoutMs, Limits limits,
                std::function<void()> committed);

    DeleteResult erase(const DoomedTraces& doomed, const CancelToken* cancel, const DeleteProgress& progress);

  private:
    size_t eraseBatch(const std::vector<DoomedTrace>& doomed, size_t from, const CancelToken* cancel,
                      DeleteResult& result);
    void eraseOne(const DoomedTrace& doomed, DeleteResult& batch);
    [[noreturn]] void fail(const sql::Error& error, const DeleteResult& done, size_t selected) const;

    sql::Connection& db_;
    std::string path_;
    int busyTimeoutMs_;
    Limits limits_;
    std::function<void()> committed_;
    sql::Statement summary_;
    sql::Statement remove_;
    RollupWriter rollups_;
};

} // namespace ts
