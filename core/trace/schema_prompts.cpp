#include "trace/schema.h"

#include "trace/sqlite_connection.h"

namespace ts::workspace {

namespace {

// Saved playground prompts. Names are unique whatever their case; pinned_version is a version
// number of the prompt (NULL: none pinned). Times are nanoseconds since the epoch.
constexpr const char* kPrompts = R"sql(
CREATE TABLE prompts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_ns INTEGER NOT NULL DEFAULT 0,
    updated_ns INTEGER NOT NULL DEFAULT 0,
    pinned_version INTEGER
);
CREATE INDEX prompts_updated ON prompts(updated_ns);
)sql";

// Every send of a prompt that differs from its latest version is a version. variables_json holds
// the last values sent with it; params_json temperature, top_p, max_tokens, seed, response_format
// and tools; trace_id the send that made it.
constexpr const char* kPromptVersions = R"sql(
CREATE TABLE prompt_versions (
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    created_ns INTEGER NOT NULL DEFAULT 0,
    system TEXT NOT NULL DEFAULT '',
    template TEXT NOT NULL DEFAULT '',
    variables_json TEXT NOT NULL DEFAULT '{}',
    provider TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    params_json TEXT NOT NULL DEFAULT '{}',
    trace_id TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (prompt_id, number)
) WITHOUT ROWID;
)sql";

} // namespace

void createPromptTablesV2(sql::Connection& db)
{
    db.exec(kPrompts);
    db.exec(kPromptVersions);
}

} // namespace ts::workspace
