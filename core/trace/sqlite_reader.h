#pragma once
#include "trace/sqlite_connection.h"
#include "trace/sqlite_statement.h"
#include "trace/store.h"
#include "trace/trace_loader.h"

namespace ts {

// A read connection on a workspace. Failures throw WorkspaceError naming the file.
class SqliteTraceReader final : public TraceReader
{
  public:
    SqliteTraceReader(std::string path, int busyTimeoutMs);

    std::int64_t count(const TraceFilter& filter) override;
    double totalCost(const TraceFilter& filter) override;
    std::vector<std::int64_t> rowIds(const TraceFilter& filter, TraceOrder order,
                                     const CancelToken* cancel = nullptr) override;
    std::vector<TraceSummary> page(const TraceFilter& filter, TraceOrder order, std::int64_t offset,
                                   int limit) override;
    std::vector<TraceSummary> summaries(const std::vector<std::int64_t>& rowIds) override;
    std::optional<Trace> load(const std::string& traceId) override;
    bool rollups(const TraceFilter& filter, bool withHistograms, const std::function<void(const RollupRow&)>& visit,
                 const CancelToken* cancel = nullptr, RollupDetail detail = RollupDetail::Full) override;
    bool spanAttributes(const TraceFilter& filter, std::string_view containing,
                        const std::function<void(const SpanAttributesRow&)>& visit,
                        const CancelToken* cancel = nullptr) override;
    std::uint64_t dataVersion() override;

  private:
    template <typename Work> auto guarded(Work&& work) -> decltype(work());
    WorkspaceError unreadable(const std::exception& error) const;
    std::vector<std::int64_t> collectRowIds(const TraceFilter& filter, TraceOrder order,
                                            const CancelToken* cancel);
    void summaryBatch(const std::int64_t* ids, size_t count, std::vector<TraceSummary>& out);

    std::string path_;
    int busyTimeoutMs_;
    sql::Connection db_;
    TraceLoader loader_;
    sql::Statement byRowIds_;
    sql::Statement dataVersion_;
};

} // namespace ts
