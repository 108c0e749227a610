#include "trace/import/langfuse_observation.h"

#include "model/attributes.h"
#include "model/span_note.h"
#include "trace/import/call_attributes.h"
#include "trace/import/langfuse_trace.h"
#include "trace/import/langfuse_usage.h"
#include "trace/import/log_time.h"
#include "trace/import/message_codec.h"
#include "trace/import/record_fields.h"
#include "trace/import/stable_ids.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace ts::import {

namespace {

using nlohmann::json;

// Langfuse's own OpenTelemetry attribute names, for what the GenAI conventions have no word for.
constexpr std::string_view kType = "langfuse.observation.type";
constexpr std::string_view kLevel = "langfuse.observation.level";
constexpr std::string_view kStatusMessage = "langfuse.observation.status_message";
constexpr std::string_view kPromptName = "langfuse.observation.prompt.name";
constexpr std::string_view kPromptVersion = "langfuse.observation.prompt.version";

std::optional<Nanos> timeField(const json& o, std::initializer_list<const char*> keys)
{
    const json* v = fieldOf(o, keys);
    return v ? timeOf(*v) : std::nullopt;
}

void readGeneration(const json& o, std::string_view type, LangfuseObservation& out)
{
    Span& span = out.span;
    span.kind = SpanKind::Client;
    markModelCall(span, type == "EMBEDDING" ? "embeddings" : "chat",
                  textField(o, {"model", "provided_model_name"}));
    noteModelParameters(span, o);
    if (const Usage usage = langfuseUsage(o); usage.reported)
        noteUsage(span, usage);
    if (const auto cost = langfuseCost(o))
        note(span, attr::kCostReportedUsd, *cost);
    if (const auto first = timeField(o, {"completionStartTime", "completion_start_time"}))
        noteFirstChunk(span, *first);
    else if (const auto ttft = amountOf(fieldOf(o, {"timeToFirstToken", "time_to_first_token"})))
        note(span, attr::kTimeToFirstChunk, *ttft);
    if (type == "EMBEDDING") // its input is text to embed, not a conversation
        return;
    // A conversation that does not read as messages (an application's own object) stays out:
    // it is not an error in the record.
    if (const json* input = fieldOf(o, {"input"});
        input && !readMessages(unwrapJsonText(*input), out.input).empty())
        out.input.clear();
    if (const json* output = fieldOf(o, {"output"});
        output && !readReply(unwrapJsonText(*output), out.output).empty())
        out.output.clear();
}

void readKind(const json& o, std::string_view type, LangfuseObservation& out)
{
    Span& span = out.span;
    if (type == "GENERATION" || type == "EMBEDDING")
        readGeneration(o, type, out);
    else if (type == "TOOL")
        markToolCall(span, span.name);
    else if (type == "AGENT") {
        note(span, attr::kOperationName, std::string("invoke_agent"));
        note(span, "gen_ai.agent.name", span.name);
    } else if (type == "RETRIEVER")
        note(span, attr::kOperationName, std::string("retrieval"));
}

void readLevel(const json& o, Span& span)
{
    const std::string level = textField(o, {"level"});
    const std::string message = textField(o, {"statusMessage", "status_message"});
    if (level == "ERROR") {
        span.status = SpanStatus::Error;
        span.statusMessage = message.empty() ? "error" : message;
    } else if (!message.empty())
        note(span, kStatusMessage, message);
    if (!level.empty() && level != "DEFAULT")
        note(span, kLevel, level);
}

} // namespace

std::string langfuseRootSpanId(std::string_view traceSource)
{
    return spanIdFor(traceSource);
}

std::string readLangfuseObservation(const json& o, std::string_view enclosingTrace, LangfuseObservation& out)
{
    const std::string id = textField(o, {"id"});
    if (id.empty())
        return "observation: no id";
    out.traceSource = textField(o, {"traceId", "trace_id"});
    if (out.traceSource.empty())
        out.traceSource = enclosingTrace;
    if (out.traceSource.empty())
        return "observation " + id + ": no traceId";
    const auto start = timeField(o, {"startTime", "start_time"});
    if (!start)
        return "observation " + id + ": no readable startTime";
    const std::string type = textField(o, {"type"});
    const std::string parent = textField(o, {"parentObservationId", "parent_observation_id"});
    out.topLevel = parent.empty();
    Span& span = out.span;
    span.traceId = traceIdFor(out.traceSource);
    span.spanId = spanIdFor(id, out.traceSource);
    span.parentSpanId = out.topLevel ? std::string() : spanIdFor(parent, out.traceSource);
    span.name = textField(o, {"name"});
    if (span.name.empty())
        span.name = type.empty() ? "observation" : type;
    span.start = *start;
    span.end =
        std::max(*start, timeField(o, {"endTime", "end_time"}).value_or(*start)); // an EVENT has no end
    if (!type.empty())
        note(span, kType, type);
    readKind(o, type, out);
    readLevel(o, span);
    if (const std::string prompt = textField(o, {"promptName", "prompt_name"}); !prompt.empty())
        note(span, kPromptName, prompt);
    if (const auto version = countOf(fieldOf(o, {"promptVersion", "prompt_version"})))
        note(span, kPromptVersion, *version);
    if (out.topLevel) // the enriched export repeats the trace's user, session and tags on each row
        noteLangfuseTraceContext(span, o);
    return {};
}

} // namespace ts::import
