#include "trace/schema_cache.h"

#include "trace/sqlite_connection.h"

namespace ts::workspace {

namespace {

// The exact cache: one row per normalised request (key: its hex SHA-256). provider, model and user
// are the scope the Cache panel invalidates by (user '' when entries are shared across users);
// request_json is the canonical request that was hashed, answer_json the whole answer with the
// pacing of its stream; cost_usd what the original call cost. Times are nanoseconds since the epoch.
constexpr const char* kCacheExact = R"sql(
CREATE TABLE cache_exact (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    provider TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    user TEXT NOT NULL DEFAULT '',
    created_ns INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    request_json TEXT NOT NULL DEFAULT '{}',
    answer_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX cache_exact_created ON cache_exact(created_ns);
CREATE INDEX cache_exact_model ON cache_exact(model);
CREATE INDEX cache_exact_user ON cache_exact(user);
)sql";

} // namespace

void createCacheTablesV3(sql::Connection& db)
{
    db.exec(kCacheExact);
}

} // namespace ts::workspace
