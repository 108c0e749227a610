#include "trace/trace_inserter.h"

#include "trace/attribute_json.h"
#include "trace/blob_codec.h"
#include "trace/chunk_codec.h"
#include "trace/exchange_json.h"
#include "trace/message_extras_json.h"
#include "trace/span_names.h"
#include "trace/sqlite_connection.h"
#include "trace/summary_codec.h"
#include "trace/tool_call_json.h"

namespace ts {

TraceInserter::TraceInserter(sql::Connection& db)
    : db_(db), trace_(db, codec::kInsertSummary), remove_(db, "DELETE FROM traces WHERE trace_id = ?1"),
      previous_(db, "SELECT " + std::string(codec::kSummaryColumns) + " FROM traces WHERE trace_id = ?1"),
      span_(db, "INSERT INTO spans (trace_rowid, seq, span_id, parent_span_id, name, kind, start_ns, "
                "end_ns, status, status_message, attributes, events) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"),
      message_(db, "INSERT INTO messages (trace_rowid, seq, direction, role, content, tool_calls, "
                   "tool_call_id, name, extras) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      messageText_(db, "INSERT INTO messages_fts (rowid, content) VALUES (?1, ?2)"),
      exchange_(db, "INSERT INTO exchanges (trace_rowid, seq, span_id, method, url, request_headers, "
                    "request_body, http_status, response_headers, chunks, response_body) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
      rollups_(db)
{
}

void TraceInserter::insert(const Trace& trace)
{
    const std::int64_t rowId = insertSummary(trace.summary);
    insertSpans(rowId, trace.spans);
    insertMessages(rowId, trace);
    insertExchanges(rowId, trace.exchanges);
}

std::int64_t TraceInserter::insertSummary(const TraceSummary& summary)
{
    codec::bindSummary(trace_, summary);
    trace_.run();
    if (db_.changes() == 0) { // an older copy of this trace: drop it (children cascade) and retry
        previous_.bindTextRef(1, summary.traceId);
        if (previous_.step())
            rollups_.add(codec::readSummary(previous_), -1);
        previous_.reset();
        remove_.bindText(1, summary.traceId).run();
        remove_.reset();
        trace_.reset();
        codec::bindSummary(trace_, summary);
        trace_.run();
    }
    trace_.reset();
    rollups_.add(summary);
    return db_.lastInsertRowId();
}

void TraceInserter::insertSpans(std::int64_t rowId, const std::vector<Span>& spans)
{
    for (size_t seq = 0; seq < spans.size(); ++seq) {
        const Span& s = spans[seq];
        const std::string attributes = codec::attributesToJson(s.attributes);
        const std::string events = codec::eventsToJson(s.events);
        span_.bindInt(1, rowId).bindInt(2, static_cast<std::int64_t>(seq)).bindTextRef(3, s.spanId);
        span_.bindTextRef(4, s.parentSpanId).bindTextRef(5, s.name).bindTextRef(6, codec::kindName(s.kind));
        span_.bindInt(7, s.start).bindInt(8, s.end).bindTextRef(9, codec::statusName(s.status));
        span_.bindTextRef(10, s.statusMessage).bindTextRef(11, attributes).bindTextRef(12, events);
        span_.run();
        span_.reset();
    }
}

void TraceInserter::insertMessages(std::int64_t rowId, const Trace& trace)
{
    int seq = 0;
    for (const Message& m : trace.input)
        insertMessage(rowId, seq++, "input", m);
    for (const Message& m : trace.output)
        insertMessage(rowId, seq++, "output", m);
}

void TraceInserter::insertMessage(std::int64_t rowId, int seq, std::string_view direction, const Message& m)
{
    const std::optional<std::string> calls = codec::toolCallsToJson(m.toolCalls);
    message_.bindInt(1, rowId).bindInt(2, seq).bindTextRef(3, direction).bindTextRef(4, roleName(m.role));
    message_.bindTextRef(5, m.content).bindTextRef(7, m.toolCallId).bindTextRef(8, m.name);
    if (calls)
        message_.bindTextRef(6, *calls);
    else
        message_.bindNull(6);
    const std::optional<std::string> extras = codec::messageExtrasToJson(m);
    if (extras)
        message_.bindTextRef(9, *extras);
    else
        message_.bindNull(9);
    message_.run();
    message_.reset();
    if (m.content.empty()) // nothing to index (a tool call); the delete trigger skips it too
        return;
    messageText_.bindInt(1, db_.lastInsertRowId()).bindTextRef(2, m.content).run();
    messageText_.reset();
}

void TraceInserter::insertExchanges(std::int64_t rowId, const std::vector<Exchange>& exchanges)
{
    for (size_t seq = 0; seq < exchanges.size(); ++seq) {
        const Exchange& e = exchanges[seq];
        const std::string requestHeaders = codec::headersToJson(e.requestHeaders);
        const std::string responseHeaders = codec::headersToJson(e.responseHeaders);
        const std::string requestBody = codec::packBlob(e.requestBody);
        const std::string chunks = codec::packBlob(codec::chunksToBytes(e.chunks));
        const std::string responseBody = codec::packBlob(e.responseBody);
        exchange_.bindInt(1, rowId).bindInt(2, static_cast<std::int64_t>(seq)).bindTextRef(3, e.spanId);
        exchange_.bindTextRef(4, e.method).bindTextRef(5, e.url);
        exchange_.bindTextRef(6, requestHeaders).bindBlobRef(7, requestBody);
        exchange_.bindInt(8, e.httpStatus).bindTextRef(9, responseHeaders);
        exchange_.bindBlobRef(10, chunks).bindBlobRef(11, responseBody);
        exchange_.run();
        exchange_.reset();
    }
}

} // namespace ts
