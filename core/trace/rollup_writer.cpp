#include "trace/rollup_writer.h"

#include "trace/rollup_codec.h"
#include "trace/sqlite_connection.h"
#include "trace/summary_codec.h"

namespace ts {

namespace {

constexpr const char* kKeyMatch = "hour = ?1 AND model = ?2 AND provider = ?3 AND route = ?4 AND source = ?5 AND "
                                  "user = ?6 AND tags = ?7";

std::string selectRow(RollupDetail detail)
{
    return "SELECT " + std::string(codec::kRollupColumns) + " FROM " + std::string(rollupTable(detail)) + " WHERE " +
           kKeyMatch;
}

std::string upsertRow(RollupDetail detail)
{
    std::string values;
    for (int i = 1; i <= codec::kRollupColumnCount; ++i)
        values += (i > 1 ? ", ?" : "?") + std::to_string(i);
    return "INSERT OR REPLACE INTO " + std::string(rollupTable(detail)) + " (" + std::string(codec::kRollupColumns) +
           ") VALUES (" + values + ")";
}

std::string removeRow(RollupDetail detail)
{
    return "DELETE FROM " + std::string(rollupTable(detail)) + " WHERE " + kKeyMatch;
}

void bindKey(sql::Statement& s, const RollupKey& k)
{
    s.bindInt(1, k.hour).bindTextRef(2, k.model).bindTextRef(3, k.provider).bindTextRef(4, k.route);
    s.bindTextRef(5, k.source).bindTextRef(6, k.user).bindTextRef(7, k.tags);
}

// A statement left mid-step by an exception must be reset, or every later use fails.
struct ResetOnExit
{
    sql::Statement& statement;
    ~ResetOnExit() { statement.reset(); }
};

} // namespace

RollupWriter::Level::Level(sql::Connection& db, RollupDetail level)
    : detail(level), read(db, selectRow(level)), upsert(db, upsertRow(level)), remove(db, removeRow(level))
{
}

void RollupWriter::Level::write()
{
    for (auto& [key, delta] : pending) {
        RollupRow row{key, {}};
        {
            ResetOnExit done{read};
            bindKey(read, key);
            if (read.step())
                codec::readRollup(read, row);
        }
        addRollup(row.m, delta);
        if (row.m.requests <= 0) {
            ResetOnExit done{remove};
            bindKey(remove, key);
            remove.run();
            continue;
        }
        std::string blobs[5];
        ResetOnExit done{upsert};
        codec::bindRollup(upsert, row, blobs);
        upsert.run();
    }
    pending.clear();
}

RollupWriter::RollupWriter(sql::Connection& db) : full_(db, RollupDetail::Full), model_(db, RollupDetail::ModelLevel) {}

void RollupWriter::add(const TraceSummary& summary, std::int64_t sign)
{
    const RollupMeasures measures = rollupOf(summary);
    addRollup(full_.pending[rollupKeyOf(summary, RollupDetail::Full)], measures, sign);
    addRollup(model_.pending[rollupKeyOf(summary, RollupDetail::ModelLevel)], measures, sign);
}

void RollupWriter::write()
{
    full_.write();
    model_.write();
}

void RollupWriter::discard()
{
    full_.pending.clear();
    model_.pending.clear();
}

std::size_t rebuildRollups(sql::Connection& db)
{
    std::size_t written = 0;
    for (const RollupDetail detail : {RollupDetail::Full, RollupDetail::ModelLevel}) {
        db.exec("DELETE FROM " + std::string(rollupTable(detail)));
        std::map<RollupKey, RollupMeasures> rows;
        sql::Statement traces(db, "SELECT " + std::string(codec::kSummaryColumns) + " FROM traces");
        while (traces.step()) {
            const TraceSummary summary = codec::readSummary(traces);
            addRollup(rows[rollupKeyOf(summary, detail)], rollupOf(summary));
        }
        sql::Statement insert(db, upsertRow(detail));
        for (const auto& [key, measures] : rows) {
            std::string blobs[5];
            codec::bindRollup(insert, RollupRow{key, measures}, blobs);
            insert.run();
            insert.reset();
        }
        written += rows.size();
    }
    return written;
}

} // namespace ts
