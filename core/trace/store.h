#pragma once
#include "model/cancel.h"
#include "model/trace.h"
#include "trace/filter.h"
#include "trace/rollup.h"
#include "trace/workspace_error.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ts {

class TraceReader;

// Tuning for tests and benchmarks; the defaults suit the applications.
struct StoreOptions
{
    int busyTimeoutMs = 5000;  // how long a lock held by another program is waited for (then Locked)
    // How long the writer keeps retrying a batch that found the workspace locked (another process
    // compacting it, say) before it reports the batch's traces lost; 0: they are lost at once.
    int lockPatienceMs = 300000;
    int watchIntervalMs = 250; // how often other processes' commits are looked for
    int batchWindowMs = 50;    // a batch is committed this long after its first trace at the latest
    int maxBatch = 500;        // traces per transaction
    int maxQueued = 20000;     // write() blocks while this many traces wait, so memory stays bounded
    int deleteBatch = 2000;    // traces per deletion transaction at most (each also ends after ~0.25 s)
};

// Which traces a deletion takes: those a filter selects (an empty filter selects every trace), or
// the traces with these ids.
using TraceSelection = std::variant<TraceFilter, std::vector<std::string>>;

// What a deletion removed (or, from previewDelete(), would remove).
struct DeleteResult
{
    std::int64_t traces = 0;
    double costUsd = 0;                // what those traces cost
    std::vector<std::string> notFound; // asked-for trace ids the workspace does not hold
    bool cancelled = false;            // stopped by the cancel token; what was deleted stays deleted
};
// Called after each committed batch of a deletion: traces deleted so far, of how many were selected.
using DeleteProgress = std::function<void(std::int64_t deleted, std::int64_t selected)>;

// The size of the workspace file with its write-ahead log, before and after compact().
struct CompactResult
{
    std::uintmax_t bytesBefore = 0;
    std::uintmax_t bytesAfter = 0;
};

// Sort keys of the trace list; every key is indexed so a sorted list of a million rows stays fast.
enum class TraceOrderKey { Start, Duration, Cost, InputTokens, OutputTokens, Ttft, Model };
struct TraceOrder
{
    TraceOrderKey key = TraceOrderKey::Start;
    bool descending = true;
};

// A workspace: one SQLite file (WAL) holding traces, spans, message payloads (FTS5) and raw
// exchanges. Writes go through one writer thread in batched transactions; each reader has its own
// connection. Thread-safe: write(), flush(), subscribe() and reader() may be called from any thread.
class TraceStore
{
  public:
    enum class OpenMode { CreateIfMissing, ExistingOnly };
    static constexpr int kSchemaVersion = 6;

    // Throws WorkspaceError (missing, not a workspace, corrupt, locked beyond timeout, newer schema).
    // Creates the file (and its folder) only in CreateIfMissing mode; never replaces a file.
    static std::unique_ptr<TraceStore> open(const std::string& path, OpenMode mode,
                                            const StoreOptions& options = {});
    virtual ~TraceStore() = default; // flushes pending writes

    virtual const std::string& path() const = 0;
    // Summarises a finished trace (summarize()) and queues it; the writer thread commits it within
    // ~50 ms. A trace with the trace id of a stored one replaces it. Blocks while maxQueued traces
    // wait. For bulk loads, a larger StoreOptions::maxBatch (e.g. 5000) commits fewer, bigger
    // transactions.
    virtual void write(Trace trace) = 0;
    // Blocks until everything queued so far is committed. Returns false if a write failed since
    // the previous flush() (the reason is in lastError()). Not from a listener.
    virtual bool flush() = 0;
    virtual std::string lastError() const = 0;

    // Called (on the writer or the watcher thread, or the one deleting traces) after this or another
    // process committed or deleted traces, another process's commits within about watchIntervalMs.
    // Keep listeners short (post to an event loop); once unsubscribe() returns the listener is not
    // running and is not called again.
    using Listener = std::function<void()>;
    virtual int subscribe(Listener listener) = 0;
    virtual void unsubscribe(int id) = 0;

    // A new read connection; use one per thread.
    virtual std::unique_ptr<TraceReader> reader() const = 0;

    // Workspace care. Each call works on its own connection, on the calling thread, and throws
    // WorkspaceError naming the file. Run them off the UI thread.

    // Deletes the selected traces with everything of theirs (spans, messages and their search index,
    // exchanges) and takes them out of the rollups, in short transactions with a pause after each,
    // so other writers (other processes too) get their turn. The selection is fixed when the call
    // starts: traces written later are left alone. Once `cancel` is set it stops after the current
    // transaction, keeping what was committed. Listeners hear of each transaction like of a write.
    virtual DeleteResult deleteTraces(const TraceSelection& which, const CancelToken* cancel = nullptr,
                                      const DeleteProgress& progress = {}) = 0;
    // How many traces deleteTraces() would remove now, and what they cost; changes nothing.
    virtual DeleteResult previewDelete(const TraceSelection& which) = 0;

    // Retention, kept in the workspace file: traces are kept this many days (nullopt: until deleted).
    // setRetentionDays() throws std::invalid_argument for days outside 1..36500.
    virtual std::optional<int> retentionDays() = 0;
    virtual void setRetentionDays(std::optional<int> days) = 0;
    // Deletes, as deleteTraces() does, the traces that started more than the retention before `now`;
    // nothing when retention is off.
    virtual DeleteResult prune(Nanos now, const CancelToken* cancel = nullptr,
                               const DeleteProgress& progress = {}) = 0;
    // Gives the space deleted traces left back to the file system: merges the search index, rewrites
    // the file (VACUUM) and truncates the write-ahead log. It needs the write lock for as long as the
    // rewrite takes (other writers wait meanwhile); it waits up to busyTimeoutMs for it, then throws
    // WorkspaceError (Locked), losing nothing.
    virtual CompactResult compact() = 0;
};

// One span as spanAttributes() visits it: its attributes are the stored JSON object, valid only
// during the visit.
struct SpanAttributesRow
{
    std::int64_t traceRowId = 0;
    Nanos start = 0;
    std::string_view attributes;
};

// Failures throw WorkspaceError naming the workspace file.
class TraceReader
{
  public:
    virtual ~TraceReader() = default;
    virtual std::int64_t count(const TraceFilter& filter) = 0;
    // What the matching traces cost, in US dollars.
    virtual double totalCost(const TraceFilter& filter) = 0;
    // Row ids in display order (the key, then rowid); empty once the cancel token is cancelled.
    virtual std::vector<std::int64_t> rowIds(const TraceFilter& filter, TraceOrder order,
                                             const CancelToken* cancel = nullptr) = 0;
    // One page in display order, for the first screen before rowIds() is in.
    virtual std::vector<TraceSummary> page(const TraceFilter& filter, TraceOrder order, std::int64_t offset,
                                           int limit) = 0;
    // Summaries for these row ids, in the order given (missing rows are skipped).
    virtual std::vector<TraceSummary> summaries(const std::vector<std::int64_t>& rowIds) = 0;
    virtual std::optional<Trace> load(const std::string& traceId) = 0;
    // Calls `visit` with each hourly rollup row the filter selects (see filter::rollupFilterProblem():
    // model, provider, route, source, user, tag and whole hours of since/until), in no set order.
    // Histograms are read only when asked for. ModelLevel reads the far smaller table without users
    // and tags (their keys are ''); a filter on user or tag reads the full one regardless.
    // Returns false when the cancel token stopped it.
    virtual bool rollups(const TraceFilter& filter, bool withHistograms,
                         const std::function<void(const RollupRow&)>& visit, const CancelToken* cancel = nullptr,
                         RollupDetail detail = RollupDetail::Full) = 0;
    // Calls `visit` with every span of the traces the filter selects whose attributes contain
    // `containing` (an SQL-side prefilter: "_tokens" keeps the spans that recorded usage), trace by
    // trace in row id order and each trace's spans in their stored order, without building spans.
    // Returns false when the cancel token stopped it.
    virtual bool spanAttributes(const TraceFilter& filter, std::string_view containing,
                                const std::function<void(const SpanAttributesRow&)>& visit,
                                const CancelToken* cancel = nullptr) = 0;
    // Changes whenever any connection (any process) commits; cheap.
    virtual std::uint64_t dataVersion() = 0;
};

} // namespace ts
