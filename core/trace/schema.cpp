#include "trace/schema.h"

#include "trace/sqlite_connection.h"

namespace ts::workspace {

namespace {

// One row per trace: the summary a list shows without loading spans. Every sort key has an
// index; filter columns are indexed together with start_ns, so a filtered list in the default
// (newest first) order reads its first page straight from the index instead of sorting.
constexpr const char* kTraces = R"sql(
CREATE TABLE traces (
    rowid INTEGER PRIMARY KEY,
    trace_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    start_ns INTEGER NOT NULL DEFAULT 0,
    duration_ms REAL NOT NULL DEFAULT 0,
    model TEXT NOT NULL DEFAULT '',
    provider TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'ok',
    error TEXT NOT NULL DEFAULT '',
    input_tokens INTEGER NOT NULL DEFAULT 0,
    output_tokens INTEGER NOT NULL DEFAULT 0,
    cache_read_tokens INTEGER NOT NULL DEFAULT 0,
    reasoning_tokens INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    ttft_ms REAL,
    source TEXT NOT NULL DEFAULT '',
    simulated INTEGER NOT NULL DEFAULT 0,
    user TEXT NOT NULL DEFAULT '',
    session TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    span_count INTEGER NOT NULL DEFAULT 0,
    preview TEXT NOT NULL DEFAULT ''
);
CREATE INDEX traces_start ON traces(start_ns);
CREATE INDEX traces_duration ON traces(duration_ms);
CREATE INDEX traces_cost ON traces(cost_usd);
CREATE INDEX traces_input_tokens ON traces(input_tokens);
CREATE INDEX traces_output_tokens ON traces(output_tokens);
CREATE INDEX traces_ttft ON traces(ttft_ms);
CREATE INDEX traces_model ON traces(model);
CREATE INDEX traces_model_start ON traces(model, start_ns);
CREATE INDEX traces_provider_start ON traces(provider, start_ns);
CREATE INDEX traces_status_start ON traces(status, start_ns);
CREATE INDEX traces_source_start ON traces(source, start_ns);
CREATE INDEX traces_user_start ON traces(user, start_ns);
CREATE INDEX traces_session_start ON traces(session, start_ns);
)sql";

// Attributes and events are JSON objects keyed by OTel attribute name, values typed as written.
// Without a rowid the spans of a trace are stored together, in one b-tree instead of two.
constexpr const char* kSpans = R"sql(
CREATE TABLE spans (
    trace_rowid INTEGER NOT NULL REFERENCES traces(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    span_id TEXT NOT NULL,
    parent_span_id TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'internal',
    start_ns INTEGER NOT NULL DEFAULT 0,
    end_ns INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'unset',
    status_message TEXT NOT NULL DEFAULT '',
    attributes TEXT NOT NULL DEFAULT '{}',
    events TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (trace_rowid, seq)
) WITHOUT ROWID;
)sql";

// The FTS index reads content from messages. The writer indexes new rows with text itself (an
// insert trigger would make FTS5 flush its pending terms on every row, four times slower); a
// trigger removes deleted rows with text, so cascades and pruning keep the index right.
constexpr const char* kMessages = R"sql(
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    trace_rowid INTEGER NOT NULL REFERENCES traces(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('input', 'output')),
    role TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    tool_calls TEXT,
    tool_call_id TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX messages_trace ON messages(trace_rowid, seq);
CREATE VIRTUAL TABLE messages_fts USING fts5(
    content, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.content <> '' BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
)sql";

// Headers are JSON [[name, value], ...]. The bulky columns are BLOBs written by codec::packBlob
// (zlib above a few dozen bytes); chunks are codec::chunksToBytes (arrival-time deltas, raw bytes).
constexpr const char* kExchanges = R"sql(
CREATE TABLE exchanges (
    trace_rowid INTEGER NOT NULL REFERENCES traces(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    span_id TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT 'POST',
    url TEXT NOT NULL DEFAULT '',
    request_headers TEXT NOT NULL DEFAULT '[]',
    request_body BLOB NOT NULL DEFAULT x'',
    http_status INTEGER NOT NULL DEFAULT 0,
    response_headers TEXT NOT NULL DEFAULT '[]',
    chunks BLOB NOT NULL DEFAULT x'',
    response_body BLOB NOT NULL DEFAULT x'',
    PRIMARY KEY (trace_rowid, seq)
);
)sql";

} // namespace

void createSchemaV1(sql::Connection& db)
{
    db.exec(kTraces);
    db.exec(kSpans);
    db.exec(kMessages);
    db.exec(kExchanges);
}

} // namespace ts::workspace
