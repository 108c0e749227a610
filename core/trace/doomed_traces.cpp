#include "trace/doomed_traces.h"

#include "trace/filter_sql.h"
#include "trace/sqlite_statement.h"
#include "trace/sqlite_transaction.h"

#include <algorithm>
#include <functional>

namespace ts {

namespace {

constexpr const char* kColumns = "SELECT rowid, trace_id, cost_usd FROM traces";

DoomedTrace doomedOf(const sql::Statement& row)
{
    return {row.columnInt(0), traceIdHash(row.columnText(1)), row.columnReal(2)};
}

void addMatching(sql::Connection& db, const TraceFilter& filter, DoomedTraces& out)
{
    const filter::SqlWhere where = filter::toSql(filter);
    sql::Statement select(db, kColumns + where.sql);
    where.bindTo(select);
    while (select.step())
        out.traces.push_back(doomedOf(select));
}

void addListed(sql::Connection& db, const std::vector<std::string>& traceIds, DoomedTraces& out)
{
    sql::Statement select(db, std::string(kColumns) + " WHERE trace_id = ?1");
    for (const std::string& id : traceIds) {
        select.bindText(1, id);
        if (select.step())
            out.traces.push_back(doomedOf(select));
        else
            out.notFound.push_back(id);
        select.reset();
    }
}

} // namespace

std::size_t traceIdHash(std::string_view traceId)
{
    return std::hash<std::string_view>{}(traceId);
}

DoomedTraces findDoomed(sql::Connection& db, const TraceSelection& which)
{
    DoomedTraces out;
    {
        sql::ReadTransaction snapshot(db);
        if (const auto* filter = std::get_if<TraceFilter>(&which))
            addMatching(db, *filter, out);
        else
            addListed(db, std::get<std::vector<std::string>>(which), out);
    }
    // An id given twice is one trace; row order deletes neighbours together.
    std::sort(out.traces.begin(), out.traces.end(),
              [](const DoomedTrace& a, const DoomedTrace& b) { return a.rowId < b.rowId; });
    out.traces.erase(
        std::unique(out.traces.begin(), out.traces.end(),
                    [](const DoomedTrace& a, const DoomedTrace& b) { return a.rowId == b.rowId; }),
        out.traces.end());
    std::sort(out.notFound.begin(), out.notFound.end());
    out.notFound.erase(std::unique(out.notFound.begin(), out.notFound.end()), out.notFound.end());
    return out;
}

} // namespace ts
