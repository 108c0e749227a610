#pragma once
#include "trace/filter.h"
#include "trace/sqlite_statement.h"
#include "trace/store.h"

#include <string>
#include <vector>

namespace ts::filter {

// A WHERE clause over the traces table with its values kept apart: user text is only ever
// bound to placeholders, never spliced into SQL.
struct SqlWhere
{
    std::string sql; // empty, or " WHERE ..." with ?1, ?2, ... placeholders
    std::vector<sql::Value> values;

    void bindTo(sql::Statement& statement) const;
};

// useStartIndex false writes the time range so that SQLite leaves the start index alone (a page in
// another order with a LIMIT).
SqlWhere toSql(const TraceFilter& filter, bool useStartIndex = true);
// The same over the rollups table: only model, provider, route, source, user, tag and since/until
// (widened to whole hours). Throws std::invalid_argument, with rollupFilterProblem()'s words, otherwise.
SqlWhere toRollupSql(const TraceFilter& filter);
// Empty when the rollups can answer the filter; else why not, in one line.
std::string rollupFilterProblem(const TraceFilter& filter);
// " ORDER BY <key column> [DESC], rowid [DESC]": rowid breaks ties so the order is stable.
std::string toSql(TraceOrder order);

} // namespace ts::filter
