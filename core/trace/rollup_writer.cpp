#include "trace/rollup_writer.h"

#include "trace/rollup_codec.h"
#include "trace/sqlite_connection.h"
#include "trace/summary_codec.h"

namespace ts {

namespace {

constexpr const char* kKeyMatch = "hour = ?1 AND model = ?2 AND provider = ?3 AND route = ?4 AND source = ?5 AND "
                                  "user = ?6 AND tags = ?7";

std::string selectRow()
{
    return "SELECT " + std::string(codec::kRollupColumns) + " FROM rollups WHERE " + kKeyMatch;
}

std::string upsertRow()
{
    std::string values;
    for (int i = 1; i <= codec::kRollupColumnCount; ++i)
        values += (i > 1 ? ", ?" : "?") + std::to_string(i);
    return "INSERT OR REPLACE INTO rollups (" + std::string(codec::kRollupColumns) + ") VALUES (" + values + ")";
}

void bindKey(sql::Statement& s, const RollupKey& k)
{
    s.bindInt(1, k.hour).bindTextRef(2, k.model).bindTextRef(3, k.provider).bindTextRef(4, k.route);
    s.bindTextRef(5, k.source).bindTextRef(6, k.user).bindTextRef(7, k.tags);
}

} // namespace

RollupWriter::RollupWriter(sql::Connection& db)
    : read_(db, selectRow()), upsert_(db, upsertRow()), remove_(db, std::string("DELETE FROM rollups WHERE ") + kKeyMatch)
{
}

void RollupWriter::add(const TraceSummary& summary, std::int64_t sign)
{
    addRollup(pending_[rollupKeyOf(summary)], rollupOf(summary), sign);
}

void RollupWriter::write()
{
    for (auto& [key, delta] : pending_) {
        RollupRow row{key, {}};
        bindKey(read_, key);
        if (read_.step())
            codec::readRollup(read_, row);
        read_.reset();
        addRollup(row.m, delta);
        if (row.m.requests <= 0) {
            bindKey(remove_, key);
            remove_.run();
            remove_.reset();
            continue;
        }
        std::string blobs[5];
        codec::bindRollup(upsert_, row, blobs);
        upsert_.run();
        upsert_.reset();
    }
    pending_.clear();
}

std::size_t rebuildRollups(sql::Connection& db)
{
    db.exec("DELETE FROM rollups");
    std::map<RollupKey, RollupMeasures> rows;
    sql::Statement traces(db, "SELECT " + std::string(codec::kSummaryColumns) + " FROM traces");
    while (traces.step()) {
        const TraceSummary summary = codec::readSummary(traces);
        addRollup(rows[rollupKeyOf(summary)], rollupOf(summary));
    }
    sql::Statement insert(db, upsertRow());
    for (const auto& [key, measures] : rows) {
        std::string blobs[5];
        codec::bindRollup(insert, RollupRow{key, measures}, blobs);
        insert.run();
        insert.reset();
    }
    return rows.size();
}

} // namespace ts
