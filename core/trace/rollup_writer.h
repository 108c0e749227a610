#pragma once
#include "trace/rollup.h"
#include "trace/sqlite_statement.h"

#include <map>

namespace ts::sql {
class Connection;
}

namespace ts {

// Collects what a transaction's traces add to (and, for replaced traces, take from) their rollup
// rows, then writes each touched row once: read, add, write back, or delete when no request is left.
// write() belongs inside the transaction that wrote the traces; discard() after it failed.
class RollupWriter
{
public:
    explicit RollupWriter(sql::Connection& db);

    void add(const TraceSummary& summary, std::int64_t sign = 1);
    void write();
    void discard();

private:
    // One table's pending rows and statements.
    struct Level
    {
        Level(sql::Connection& db, RollupDetail detail);
        void write();

        RollupDetail detail;
        std::map<RollupKey, RollupMeasures> pending;
        sql::Statement read, upsert, remove;
    };

    Level full_;
    Level model_;
};

// Rebuilds every rollup row from the traces table (a migration, or a repair); returns the rows written.
std::size_t rebuildRollups(sql::Connection& db);

} // namespace ts
