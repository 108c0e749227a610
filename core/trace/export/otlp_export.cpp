#include "trace/export/otlp_export.h"

#include "trace/exchange_event.h"
#include "trace/export/otlp_values.h"
#include "trace/export/trace_walk.h"
#include "trace/import/message_codec.h"

#include <nlohmann/json.hpp>

namespace ts::exporting {

namespace {

using nlohmann::json;

constexpr std::string_view kInputMessages = "gen_ai.input.messages";
constexpr std::string_view kOutputMessages = "gen_ai.output.messages";
constexpr std::string_view kServiceName = "service.name";

std::string dumped(const json& value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json eventJson(const SpanEvent& e)
{
    return {{"timeUnixNano", otlp::nanos(e.time)},
            {"name", e.name},
            {"attributes", otlp::keyValues(e.attributes)}};
}

// What the span carries beyond its own fields: the conversation on the root, exchange events.
struct Extras
{
    bool conversation = false;
    std::vector<SpanEvent> events;
};

json spanJson(const Trace& trace, const Span& s, const Extras& extras)
{
    json attributes = json::array();
    for (const auto& [key, value] : s.attributes)
        if (!extras.conversation || (key != kInputMessages && key != kOutputMessages))
            attributes.push_back(otlp::keyValue(key, value));
    if (extras.conversation) {
        attributes.push_back(otlp::keyValue(kInputMessages, dumped(import::toGenAiMessages(trace.input))));
        attributes.push_back(otlp::keyValue(kOutputMessages, dumped(import::toGenAiMessages(trace.output))));
    }
    json events = json::array();
    for (const SpanEvent& e : s.events)
        events.push_back(eventJson(e));
    for (const SpanEvent& e : extras.events)
        events.push_back(eventJson(e));
    json status{{"code", static_cast<int>(s.status)}};
    if (!s.statusMessage.empty())
        status["message"] = s.statusMessage;
    json out{{"traceId", s.traceId.empty() ? trace.traceId : s.traceId},
             {"spanId", s.spanId},
             {"name", s.name},
             {"kind", static_cast<int>(s.kind)},
             {"startTimeUnixNano", otlp::nanos(s.start)},
             {"endTimeUnixNano", otlp::nanos(s.end)},
             {"attributes", std::move(attributes)},
             {"events", std::move(events)},
             {"status", std::move(status)}};
    if (!s.parentSpanId.empty())
        out["parentSpanId"] = s.parentSpanId;
    return out;
}

json resourceOf(const Span& root)
{
    json attributes = json::array();
    if (const AttrValue* name = root.attr(kServiceName))
        attributes.push_back(otlp::keyValue(kServiceName, *name));
    return {{"attributes", std::move(attributes)}};
}

} // namespace

json otlpRequest(const Trace& trace)
{
    const Span* root = trace.root();
    if (!root)
        return {{"resourceSpans", json::array()}};
    json spans = json::array();
    for (const Span& s : trace.spans) {
        Extras extras;
        if (&s == root)
            extras.conversation = true;
        for (const Exchange& e : trace.exchanges) {
            const bool here = e.spanId == s.spanId || (&s == root && !trace.findSpan(e.spanId));
            if (here)
                extras.events.push_back(codec::exchangeEvent(e, s.start));
        }
        spans.push_back(spanJson(trace, s, extras));
    }
    json scope{{"name", "tokenscope"}, {"version", TOKENSCOPE_VERSION}};
    json scopeSpans = json::array({json{{"scope", std::move(scope)}, {"spans", std::move(spans)}}});
    return {{"resourceSpans",
             json::array({json{{"resource", resourceOf(*root)}, {"scopeSpans", std::move(scopeSpans)}}})}};
}

ExportResult exportOtlp(TraceReader& reader, const ExportRequest& request, std::ostream& out)
{
    return walkTraces(reader, request, [&](Trace& trace) -> long {
        if (trace.spans.empty())
            return 0;
        out << dumped(otlpRequest(trace)) << '\n';
        return out ? 1 : -1;
    });
}

} // namespace ts::exporting
