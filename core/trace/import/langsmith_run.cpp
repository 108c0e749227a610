#include "trace/import/langsmith_run.h"

#include "model/attributes.h"
#include "model/span_note.h"
#include "trace/import/call_attributes.h"
#include "trace/import/langsmith_call.h"
#include "trace/import/log_time.h"
#include "trace/import/record_fields.h"
#include "trace/import/stable_ids.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace ts::import {

namespace {

using nlohmann::json;

// dotted_order is "<start>Z<run id>" per ancestor, root first, joined by dots: the run ids of
// the root (the trace's id) and of the parent can be read from it when the fields are absent.
std::vector<std::string> dottedIds(const std::string& dotted)
{
    std::vector<std::string> ids;
    std::size_t from = 0;
    while (from < dotted.size()) {
        const std::size_t dot = std::min(dotted.find('.', from), dotted.size());
        const std::size_t z = dotted.find('Z', from);
        if (z != std::string::npos && z < dot)
            ids.push_back(dotted.substr(z + 1, dot - z - 1));
        from = dot + 1;
    }
    return ids;
}

// The exception class LangSmith writes first ("ValueError('...')", "RateLimitError: ..."), if any.
std::string errorType(std::string_view line)
{
    const std::size_t end = line.find_first_of("(:");
    if (end == 0 || end == std::string_view::npos)
        return {};
    const std::string_view name = line.substr(0, end);
    const bool identifier = std::all_of(
        name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.'; });
    return identifier ? std::string(name) : std::string();
}

// error holds the message and, after a blank line, the traceback: the first line is the status,
// the whole text an OpenTelemetry exception event.
void readError(const json& run, Span& span)
{
    const std::string error = textField(run, {"error"});
    if (error.empty()) {
        const std::string status = textField(run, {"status"});
        if (status == "error")
            span.status = SpanStatus::Error;
        else if (status == "success")
            span.status = SpanStatus::Ok;
        return;
    }
    const std::string line = error.substr(0, error.find('\n'));
    span.status = SpanStatus::Error;
    span.statusMessage = line;
    SpanEvent event{span.end, "exception", {{"exception.message", line}}};
    if (const std::string type = errorType(line); !type.empty()) {
        note(span, attr::kErrorType, type);
        event.attributes.emplace("exception.type", type);
    }
    if (line.size() < error.size())
        event.attributes.emplace("exception.stacktrace", error);
    span.events.push_back(std::move(event));
}

// The trace's own facts, which LangSmith keeps on the root run: the thread it belongs to (any of
// the three metadata keys its threads view reads), the user, the tags and the project.
void readRootFacts(const json& run, Span& span)
{
    const json* extra = fieldOf(run, {"extra"});
    const json* metadata = extra ? fieldOf(*extra, {"metadata"}) : nullptr;
    if (metadata) {
        if (std::string thread = textField(*metadata, {"thread_id", "session_id", "conversation_id"});
            !thread.empty()) {
            note(span, attr::kSession, thread);
            note(span, attr::kConversationId, std::move(thread));
        }
        if (std::string user = textField(*metadata, {"user_id", "userId", "user"}); !user.empty())
            note(span, attr::kUser, std::move(user));
    }
    if (std::string tags = joinedTags(fieldOf(run, {"tags"})); !tags.empty())
        note(span, attr::kTags, std::move(tags));
    if (std::string project = textField(run, {"session_name", "session_id"});
        !project.empty()) // a run's session is its project
        note(span, attr::kProject, std::move(project));
}

void readKind(const json& run, const std::string& runType, LangSmithRun& out)
{
    Span& span = out.span;
    if (runType == "llm" || runType == "embedding") {
        noteLangSmithCall(span, run);
        out.modelCall = true;
    } else if (runType == "tool")
        markToolCall(span, span.name);
    else if (runType == "retriever")
        note(span, attr::kOperationName, std::string("retrieval"));
}

} // namespace

std::string readLangSmithRun(const json& run, const RunPlace& place, LangSmithRun& out)
{
    out.id = textField(run, {"id"});
    if (out.id.empty())
        return "run: no id";
    const json* startField = fieldOf(run, {"start_time"});
    const auto start = startField ? timeOf(*startField) : std::nullopt;
    if (!start)
        return "run " + out.id + ": no readable start_time";
    const std::vector<std::string> lineage = dottedIds(textField(run, {"dotted_order"}));
    std::string parent = textField(run, {"parent_run_id"});
    if (parent.empty())
        parent = lineage.size() > 1 ? lineage[lineage.size() - 2] : place.parentId;
    out.traceSource = textField(run, {"trace_id"});
    if (out.traceSource.empty())
        out.traceSource = !lineage.empty() ? lineage.front() : parent.empty() ? out.id : place.traceSource;
    if (out.traceSource.empty())
        return "run " + out.id + ": no trace_id";
    const bool root = out.traceSource == out.id;
    Span& span = out.span;
    span.traceId = traceIdFor(out.traceSource);
    span.spanId = spanIdFor(out.id, out.traceSource);
    span.parentSpanId = root || parent.empty() ? std::string() : spanIdFor(parent, out.traceSource);
    span.name = textField(run, {"name"});
    const std::string runType = textField(run, {"run_type"});
    if (span.name.empty())
        span.name = runType.empty() ? "run" : runType;
    span.start = *start;
    const json* endField = fieldOf(run, {"end_time"}); // null while the run was still going
    span.end = std::max(*start, endField ? timeOf(*endField).value_or(*start) : *start);
    if (!runType.empty())
        note(span, "langsmith.run_type", runType);
    readKind(run, runType, out);
    readError(run, span);
    if (root)
        readRootFacts(run, span);
    // A model call's inputs and outputs are its conversation; the root's are the trace's, when they
    // read as one (a chat chain's messages, an agent's input and output).
    if (runType == "llm" || root) {
        if (const json* inputs = fieldOf(run, {"inputs"}))
            readLangSmithInput(*inputs, out.input);
        if (const json* outputs = fieldOf(run, {"outputs"}))
            readLangSmithOutput(*outputs, out.output);
    }
    return {};
}

} // namespace ts::import
