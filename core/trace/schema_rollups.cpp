#include "trace/schema_rollups.h"

#include "trace/rollup_writer.h"
#include "trace/sqlite_connection.h"

#include <string>

namespace ts::workspace {

namespace {

// What the live panels group by, per trace (model/trace_facts.h): the route, a few flags and where
// the time went. Traces written before version 4 keep the defaults: no route, phases unknown (0).
constexpr const char* kTraceFacts = R"sql(
ALTER TABLE traces ADD COLUMN route TEXT NOT NULL DEFAULT '';
ALTER TABLE traces ADD COLUMN cache_hit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN streamed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN guard_findings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN guard_blocked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN cache_saved_usd REAL NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN guard_ms REAL NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN cache_ms REAL NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN queue_ms REAL NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN network_ms REAL NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN generation_ms REAL NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN tools_ms REAL NOT NULL DEFAULT 0;
ALTER TABLE traces ADD COLUMN other_ms REAL NOT NULL DEFAULT 0;
CREATE INDEX traces_route_start ON traces(route, start_ns);
)sql";

// One row per hour and combination of dimensions (trace/rollup.h); histograms are BLOBs of varints
// (trace/rollup_codec.h). Kept by the writer in the transaction that writes the traces, twice:
// rollups with every dimension, rollups_model without user and tags (RollupDetail).
constexpr const char* kRollups = R"sql(
CREATE TABLE rollups (
    hour INTEGER NOT NULL,
    model TEXT NOT NULL,
    provider TEXT NOT NULL,
    route TEXT NOT NULL,
    source TEXT NOT NULL,
    user TEXT NOT NULL,
    tags TEXT NOT NULL,
    requests INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    refusals INTEGER NOT NULL DEFAULT 0,
    cache_hits INTEGER NOT NULL DEFAULT 0,
    guard_flagged INTEGER NOT NULL DEFAULT 0,
    guard_blocked INTEGER NOT NULL DEFAULT 0,
    streamed INTEGER NOT NULL DEFAULT 0,
    ttft_count INTEGER NOT NULL DEFAULT 0,
    input_tokens INTEGER NOT NULL DEFAULT 0,
    output_tokens INTEGER NOT NULL DEFAULT 0,
    cache_read_tokens INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    cache_saved_usd REAL NOT NULL DEFAULT 0,
    duration_ms REAL NOT NULL DEFAULT 0,
    ttft_ms REAL NOT NULL DEFAULT 0,
    guard_ms REAL NOT NULL DEFAULT 0,
    cache_ms REAL NOT NULL DEFAULT 0,
    queue_ms REAL NOT NULL DEFAULT 0,
    network_ms REAL NOT NULL DEFAULT 0,
    generation_ms REAL NOT NULL DEFAULT 0,
    tools_ms REAL NOT NULL DEFAULT 0,
    other_ms REAL NOT NULL DEFAULT 0,
    latency_hist BLOB NOT NULL DEFAULT x'',
    ttft_hist BLOB NOT NULL DEFAULT x'',
    tpot_hist BLOB NOT NULL DEFAULT x'',
    input_hist BLOB NOT NULL DEFAULT x'',
    output_hist BLOB NOT NULL DEFAULT x'',
    PRIMARY KEY (hour, model, provider, route, source, user, tags)
) WITHOUT ROWID;
)sql";

} // namespace

void createRollupTablesV4(sql::Connection& db)
{
    db.exec(kTraceFacts);
    std::string rollups = kRollups;
    db.exec(rollups);
    // The model-level table: the same columns, user and tags always ''.
    rollups.replace(rollups.find("TABLE rollups"), 13, "TABLE rollups_model");
    db.exec(rollups);
    rebuildRollups(db);
}

} // namespace ts::workspace
