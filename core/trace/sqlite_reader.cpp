#include "trace/sqlite_reader.h"

#include "trace/blob_codec.h"
#include "trace/filter_sql.h"
#include "trace/rollup_codec.h"
#include "trace/sqlite_transaction.h"
#include "trace/summary_codec.h"
#include "trace/workspace_open.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <unordered_map>

namespace ts {

namespace {

constexpr size_t kIdBatch = 500;

std::string selectSummaries()
{
    return "SELECT " + std::string(codec::kSummaryColumns) + " FROM traces";
}

std::string byRowIdsQuery()
{
    std::string query = selectSummaries() + " WHERE rowid IN (";
    for (size_t i = 1; i <= kIdBatch; ++i)
        query += (i > 1 ? ", ?" : "?") + std::to_string(i);
    return query + ")";
}

struct CancelWatch
{
    CancelWatch(sql::Connection& db, const CancelToken* token) : db_(db) { db_.watchCancel(token); }
    ~CancelWatch() { db_.watchCancel(nullptr); }
    CancelWatch(const CancelWatch&) = delete;
    CancelWatch& operator=(const CancelWatch&) = delete;

  private:
    sql::Connection& db_;
};

} // namespace

SqliteTraceReader::SqliteTraceReader(std::string path, int busyTimeoutMs)
try : path_(std::move(path)), busyTimeoutMs_(busyTimeoutMs),
    db_(workspace::openReadConnection(path_, busyTimeoutMs)), loader_(db_), byRowIds_(db_, byRowIdsQuery()),
    dataVersion_(db_, "PRAGMA data_version") {
} catch (const sql::Error& error) {
    throw workspace::workspaceError(path, error, busyTimeoutMs);
}

template <typename Work> auto SqliteTraceReader::guarded(Work&& work) -> decltype(work())
{
    try {
        return work();
    } catch (const sql::Error& error) {
        throw workspace::workspaceError(path_, error, busyTimeoutMs_);
    } catch (const nlohmann::json::exception& error) {
        throw unreadable(error);
    } catch (const codec::CorruptValue& error) {
        throw unreadable(error);
    }
}

WorkspaceError SqliteTraceReader::unreadable(const std::exception& error) const
{
    return WorkspaceError(WorkspaceError::Reason::Corrupt, path_ + ": a stored trace is unreadable (" +
                                                               error.what() +
                                                               "); restore the workspace from a backup");
}

std::int64_t SqliteTraceReader::count(const TraceFilter& filter)
{
    return guarded([&] {
        const filter::SqlWhere where = filter::toSql(filter);
        sql::Statement statement(db_, "SELECT count(*) FROM traces" + where.sql);
        where.bindTo(statement);
        return statement.step() ? statement.columnInt(0) : std::int64_t{0};
    });
}

double SqliteTraceReader::totalCost(const TraceFilter& filter)
{
    return guarded([&] {
        const filter::SqlWhere where = filter::toSql(filter);
        sql::Statement statement(db_, "SELECT total(cost_usd) FROM traces" + where.sql);
        where.bindTo(statement);
        return statement.step() ? statement.columnReal(0) : 0.0;
    });
}

std::vector<std::int64_t> SqliteTraceReader::rowIds(const TraceFilter& filter, TraceOrder order,
                                                    const CancelToken* cancel)
{
    return guarded([&] {
        try {
            return collectRowIds(filter, order, cancel);
        } catch (const sql::Error& error) {
            if (error.code() != SQLITE_INTERRUPT)
                throw;
            return std::vector<std::int64_t>{};
        }
    });
}

// Empty when cancelled: a partial list would show a wrong order.
std::vector<std::int64_t> SqliteTraceReader::collectRowIds(const TraceFilter& filter, TraceOrder order,
                                                           const CancelToken* cancel)
{
    const filter::SqlWhere where = filter::toSql(filter);
    sql::Statement statement(db_, "SELECT rowid FROM traces" + where.sql + filter::toSql(order));
    where.bindTo(statement);
    CancelWatch watch(db_, cancel);
    std::vector<std::int64_t> ids;
    while (statement.step())
        ids.push_back(statement.columnInt(0));
    if (cancel && cancel->cancelled())
        return {};
    return ids;
}

bool SqliteTraceReader::rollups(const TraceFilter& filter, bool withHistograms,
                                const std::function<void(const RollupRow&)>& visit, const CancelToken* cancel,
                                RollupDetail detail)
{
    return guarded([&] {
        const filter::SqlWhere where = filter::toRollupSql(filter);
        const bool needsFull = std::any_of(filter.terms.begin(), filter.terms.end(), [](const TraceFilter::Term& t) {
            return t.key == "user" || t.key == "tag";
        });
        const std::string_view table = rollupTable(needsFull ? RollupDetail::Full : detail);
        sql::Statement statement(db_, "SELECT " + std::string(codec::kRollupColumns) + " FROM " + std::string(table) +
                                          where.sql);
        where.bindTo(statement);
        CancelWatch watch(db_, cancel);
        RollupRow row;
        try {
            while (statement.step()) {
                codec::readRollup(statement, row, withHistograms);
                visit(row);
            }
        } catch (const sql::Error& error) {
            if (error.code() != SQLITE_INTERRUPT)
                throw;
        }
        return !(cancel && cancel->cancelled());
    });
}

bool SqliteTraceReader::spanAttributes(const TraceFilter& filter, std::string_view containing,
                                       const std::function<void(const SpanAttributesRow&)>& visit,
                                       const CancelToken* cancel)
{
    return guarded([&] {
        filter::SqlWhere where = filter::toSql(filter);
        std::string sql = "SELECT trace_rowid, start_ns, attributes FROM spans";
        std::string glue = " WHERE ";
        if (!where.sql.empty()) {
            sql += " WHERE trace_rowid IN (SELECT rowid FROM traces" + where.sql + ")";
            glue = " AND ";
        }
        if (!containing.empty()) {
            where.values.emplace_back(std::string(containing));
            sql += glue + "instr(attributes, ?" + std::to_string(where.values.size()) + ") > 0";
        }
        sql::Statement statement(db_, sql + " ORDER BY trace_rowid, seq");
        where.bindTo(statement);
        CancelWatch watch(db_, cancel);
        SpanAttributesRow row;
        try {
            while (statement.step()) {
                row.traceRowId = statement.columnInt(0);
                row.start = statement.columnInt(1);
                row.attributes = statement.columnBlob(2);
                visit(row);
            }
        } catch (const sql::Error& error) {
            if (error.code() != SQLITE_INTERRUPT)
                throw;
        }
        return !(cancel && cancel->cancelled());
    });
}

std::vector<TraceSummary> SqliteTraceReader::page(const TraceFilter& filter, TraceOrder order,
                                                  std::int64_t offset, int limit)
{
    return guarded([&] {
        filter::SqlWhere where = filter::toSql(filter, order.key == TraceOrderKey::Start);
        const std::string limitAt = "?" + std::to_string(where.values.size() + 1);
        const std::string offsetAt = "?" + std::to_string(where.values.size() + 2);
        where.values.emplace_back(std::int64_t{limit});
        where.values.emplace_back(std::max<std::int64_t>(offset, 0));
        sql::Statement statement(db_, selectSummaries() + where.sql + filter::toSql(order) + " LIMIT " +
                                          limitAt + " OFFSET " + offsetAt);
        where.bindTo(statement);
        std::vector<TraceSummary> out;
        while (statement.step())
            out.push_back(codec::readSummary(statement));
        return out;
    });
}

std::vector<TraceSummary> SqliteTraceReader::summaries(const std::vector<std::int64_t>& rowIds)
{
    return guarded([&] {
        sql::ReadTransaction snapshot(db_);
        std::vector<TraceSummary> out;
        out.reserve(rowIds.size());
        for (size_t at = 0; at < rowIds.size(); at += kIdBatch)
            summaryBatch(rowIds.data() + at, std::min(kIdBatch, rowIds.size() - at), out);
        return out;
    });
}

void SqliteTraceReader::summaryBatch(const std::int64_t* ids, size_t count, std::vector<TraceSummary>& out)
{
    for (size_t i = 0; i < kIdBatch; ++i) { // unused placeholders are NULL, which matches no row
        if (i < count)
            byRowIds_.bindInt(static_cast<int>(i + 1), ids[i]);
        else
            byRowIds_.bindNull(static_cast<int>(i + 1));
    }
    std::unordered_map<std::int64_t, TraceSummary> found;
    try {
        while (byRowIds_.step())
            found.emplace(byRowIds_.columnInt(0), codec::readSummary(byRowIds_));
    } catch (...) {
        byRowIds_.reset();
        throw;
    }
    byRowIds_.reset();
    for (size_t i = 0; i < count; ++i)
        if (const auto it = found.find(ids[i]); it != found.end())
            out.push_back(it->second);
}

std::optional<Trace> SqliteTraceReader::load(const std::string& traceId)
{
    return guarded([&] {
        sql::ReadTransaction snapshot(db_); // the summary and the spans come from one commit
        return loader_.load(traceId);
    });
}

std::uint64_t SqliteTraceReader::dataVersion()
{
    return guarded([&] {
        const std::uint64_t version =
            dataVersion_.step() ? static_cast<std::uint64_t>(dataVersion_.columnInt(0)) : 0;
        dataVersion_.reset();
        return version;
    });
}

} // namespace ts
