#include "import_test_logs.h"

#include "trace/exchange_event.h"
#include "trace/import/message_codec.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace ts::test {

namespace {

using nlohmann::json;

json anyValue(const AttrValue& v)
{
    if (const auto* s = std::get_if<std::string>(&v))
        return {{"stringValue", *s}};
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return {{"intValue", std::to_string(*i)}};
    if (const auto* b = std::get_if<bool>(&v))
        return {{"boolValue", *b}};
    if (const auto* d = std::get_if<double>(&v)) {
        if (std::isfinite(*d))
            return {{"doubleValue", *d}};
        return {{"doubleValue", std::isnan(*d) ? "NaN" : *d > 0 ? "Infinity" : "-Infinity"}};
    }
    json values = json::array();
    for (const std::string& s : std::get<std::vector<std::string>>(v))
        values.push_back({{"stringValue", s}});
    return {{"arrayValue", {{"values", values}}}};
}

json keyValues(const Attributes& attributes)
{
    json out = json::array();
    for (const auto& [key, value] : attributes)
        out.push_back({{"key", key}, {"value", anyValue(value)}});
    return out;
}

json spanJson(const Span& s, const Trace& trace, bool root)
{
    Attributes attributes = s.attributes;
    if (root && !trace.input.empty())
        attributes["gen_ai.input.messages"] = import::toGenAiMessages(trace.input).dump();
    if (root && !trace.output.empty())
        attributes["gen_ai.output.messages"] = import::toGenAiMessages(trace.output).dump();
    json events = json::array();
    for (const SpanEvent& e : s.events)
        events.push_back({{"timeUnixNano", std::to_string(e.time)},
                          {"name", e.name},
                          {"attributes", keyValues(e.attributes)}});
    for (const Exchange& x : trace.exchanges)
        if (x.spanId == s.spanId) {
            const SpanEvent e = codec::exchangeEvent(x, s.end);
            events.push_back({{"timeUnixNano", std::to_string(e.time)},
                              {"name", e.name},
                              {"attributes", keyValues(e.attributes)}});
        }
    json out = {{"traceId", s.traceId},
                {"spanId", s.spanId},
                {"name", s.name},
                {"kind", static_cast<int>(s.kind)},
                {"startTimeUnixNano", std::to_string(s.start)},
                {"endTimeUnixNano", std::to_string(s.end)},
                {"status", {{"code", static_cast<int>(s.status)}, {"message", s.statusMessage}}},
                {"attributes", keyValues(attributes)},
                {"events", events}};
    if (!s.parentSpanId.empty())
        out["parentSpanId"] = s.parentSpanId;
    return out;
}

} // namespace

std::string contractOtlpLine(const Trace& trace)
{
    json spans = json::array();
    for (const Span& s : trace.spans)
        spans.push_back(spanJson(s, trace, &s == &trace.spans.front()));
    Attributes resource;
    if (const AttrValue* name = trace.spans.front().attr("service.name"))
        resource["service.name"] = *name;
    const json request = {
        {"resourceSpans",
         {{{"resource", {{"attributes", keyValues(resource)}}},
           {"scopeSpans", {{{"scope", {{"name", "tokenscope"}, {"version", "0"}}}, {"spans", spans}}}}}}}};
    return request.dump() + "\n";
}

std::string splitOtlpTraces(int count)
{
    auto span = [](int t, int s, int parent) {
        char ids[128];
        std::snprintf(ids, sizeof ids, R"("traceId":"%032x","spanId":"%016x")", t + 1, t * 8 + s + 1);
        std::string text =
            std::string("{") + ids + R"(,"name":"s","startTimeUnixNano":"1","endTimeUnixNano":"2")";
        if (parent >= 0) {
            std::snprintf(ids, sizeof ids, R"(,"parentSpanId":"%016x")", t * 8 + parent + 1);
            text += ids;
        }
        return text + "}";
    };
    auto line = [](const std::string& spans) {
        return R"({"resourceSpans":[{"scopeSpans":[{"spans":[)" + spans + "]}]}]}\n";
    };
    std::string out;
    for (int t = 0; t < count; ++t)
        out += line(span(t, 1, 0) + "," + span(t, 2, 0)) + line(span(t, 0, -1));
    return out;
}

} // namespace ts::test
