#include "trace/trace_loader.h"

#include "trace/attribute_json.h"
#include "trace/blob_codec.h"
#include "trace/chunk_codec.h"
#include "trace/exchange_json.h"
#include "trace/message_extras_json.h"
#include "trace/span_names.h"
#include "trace/summary_codec.h"
#include "trace/tool_call_json.h"

namespace ts {

namespace {

std::string summaryQuery()
{
    return "SELECT " + std::string(codec::kSummaryColumns) + " FROM traces WHERE trace_id = ?1";
}

// Resets the statement however the read ends.
struct ResetOnExit
{
    sql::Statement& statement;
    ~ResetOnExit() { statement.reset(); }
};

Span readSpan(const sql::Statement& row, const std::string& traceId)
{
    Span s;
    s.traceId = traceId;
    s.spanId = row.columnText(0);
    s.parentSpanId = row.columnText(1);
    s.name = row.columnText(2);
    s.kind = codec::kindFromName(row.columnText(3));
    s.start = row.columnInt(4);
    s.end = row.columnInt(5);
    s.status = codec::statusFromName(row.columnText(6));
    s.statusMessage = row.columnText(7);
    s.attributes = codec::attributesFromJson(row.columnText(8));
    s.events = codec::eventsFromJson(row.columnText(9));
    return s;
}

Message readMessage(const sql::Statement& row)
{
    Message m;
    m.role = roleFromString(row.columnText(1)).value_or(Role::User);
    m.content = row.columnText(2);
    if (!row.isNull(3))
        m.toolCalls = codec::toolCallsFromJson(row.columnText(3));
    m.toolCallId = row.columnText(4);
    m.name = row.columnText(5);
    if (!row.isNull(6))
        codec::messageExtrasFromJson(row.columnText(6), m);
    return m;
}

Exchange readExchange(const sql::Statement& row)
{
    Exchange e;
    e.spanId = row.columnText(0);
    e.method = row.columnText(1);
    e.url = row.columnText(2);
    e.requestHeaders = codec::headersFromJson(row.columnText(3));
    e.requestBody = codec::unpackBlob(row.columnBlob(4));
    e.httpStatus = static_cast<int>(row.columnInt(5));
    e.responseHeaders = codec::headersFromJson(row.columnText(6));
    e.chunks = codec::chunksFromBytes(codec::unpackBlob(row.columnBlob(7)));
    e.responseBody = codec::unpackBlob(row.columnBlob(8));
    return e;
}

} // namespace

TraceLoader::TraceLoader(sql::Connection& db)
    : summary_(db, summaryQuery()),
      spans_(db, "SELECT span_id, parent_span_id, name, kind, start_ns, end_ns, status, status_message, "
                 "attributes, events FROM spans WHERE trace_rowid = ?1 ORDER BY seq"),
      messages_(db, "SELECT direction, role, content, tool_calls, tool_call_id, name, extras FROM messages "
                    "WHERE trace_rowid = ?1 ORDER BY seq"),
      exchanges_(db, "SELECT span_id, method, url, request_headers, request_body, http_status, "
                     "response_headers, chunks, response_body FROM exchanges WHERE trace_rowid = ?1 "
                     "ORDER BY seq")
{
}

std::optional<Trace> TraceLoader::load(const std::string& traceId)
{
    Trace trace;
    {
        ResetOnExit reset{summary_};
        if (!summary_.bindText(1, traceId).step())
            return std::nullopt;
        trace.summary = codec::readSummary(summary_);
    }
    trace.traceId = trace.summary.traceId;
    trace.spans = spans(trace.summary.rowId, trace.traceId);
    messages(trace.summary.rowId, trace);
    trace.exchanges = exchanges(trace.summary.rowId);
    return trace;
}

std::vector<Span> TraceLoader::spans(std::int64_t rowId, const std::string& traceId)
{
    ResetOnExit reset{spans_};
    std::vector<Span> out;
    spans_.bindInt(1, rowId);
    while (spans_.step())
        out.push_back(readSpan(spans_, traceId));
    return out;
}

void TraceLoader::messages(std::int64_t rowId, Trace& trace)
{
    ResetOnExit reset{messages_};
    messages_.bindInt(1, rowId);
    while (messages_.step())
        (messages_.columnText(0) == "input" ? trace.input : trace.output).push_back(readMessage(messages_));
}

std::vector<Exchange> TraceLoader::exchanges(std::int64_t rowId)
{
    ResetOnExit reset{exchanges_};
    std::vector<Exchange> out;
    exchanges_.bindInt(1, rowId);
    while (exchanges_.step())
        out.push_back(readExchange(exchanges_));
    return out;
}

} // namespace ts
