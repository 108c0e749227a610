#pragma once
#include "trace/change_watcher.h"
#include "trace/listener_set.h"
#include "trace/store.h"
#include "trace/trace_writer.h"

namespace ts {

// The SQLite workspace behind TraceStore::open().
class SqliteTraceStore final : public TraceStore
{
  public:
    SqliteTraceStore(std::string path, sql::Connection writerDb, const StoreOptions& options);
    ~SqliteTraceStore() override;

    const std::string& path() const override { return path_; }
    void write(Trace trace) override;
    bool flush() override;
    std::string lastError() const override;
    int subscribe(Listener listener) override;
    void unsubscribe(int id) override;
    std::unique_ptr<TraceReader> reader() const override;

    // Workspace care (sqlite_store_care.cpp).
    DeleteResult deleteTraces(const TraceSelection& which, const CancelToken* cancel = nullptr,
                              const DeleteProgress& progress = {}) override;
    DeleteResult previewDelete(const TraceSelection& which) override;
    std::optional<int> retentionDays() override;
    void setRetentionDays(std::optional<int> days) override;
    DeleteResult prune(Nanos now, const CancelToken* cancel = nullptr,
                       const DeleteProgress& progress = {}) override;
    CompactResult compact() override;

  private:
    void committed();

    std::string path_;
    StoreOptions options_;
    ListenerSet listeners_;
    ChangeWatcher watcher_;
    TraceWriter writer_; // last: it is stopped first, while the watcher and listeners still exist
};

} // namespace ts
