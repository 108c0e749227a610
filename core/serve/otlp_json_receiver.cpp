#include "serve/otlp_json_receiver.h"

#include "model/attributes.h"
#include "serve/json_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace ts::serve {

namespace {

using nlohmann::json;

std::int64_t int64Of(const json& v)
{
    if (v.is_string())
        return std::stoll(v.get_ref<const std::string&>());
    return v.is_number() ? v.get<std::int64_t>() : 0;
}

std::string lowerHex(const json& v)
{
    std::string s = v.is_string() ? v.get<std::string>() : std::string();
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string scalarText(const json& any)
{
    if (any.contains("stringValue"))
        return any["stringValue"].get<std::string>();
    if (any.contains("intValue"))
        return std::to_string(int64Of(any["intValue"]));
    if (any.contains("doubleValue"))
        return dumpJson(any["doubleValue"]);
    if (any.contains("boolValue"))
        return any["boolValue"].get<bool>() ? "true" : "false";
    return dumpJson(any);
}

AttrValue valueOf(const json& any)
{
    if (any.contains("stringValue"))
        return any["stringValue"].get<std::string>();
    if (any.contains("intValue"))
        return int64Of(any["intValue"]);
    if (any.contains("doubleValue"))
        return any["doubleValue"].get<double>();
    if (any.contains("boolValue"))
        return any["boolValue"].get<bool>();
    if (any.contains("arrayValue")) {
        std::vector<std::string> items;
        for (const json& item : any["arrayValue"].value("values", json::array()))
            items.push_back(scalarText(item));
        return items;
    }
    return dumpJson(any); // kvlistValue, bytesValue: kept as their JSON text
}

// Deprecated GenAI names (formats.md §5.2) read as the current ones.
std::string currentName(std::string key)
{
    if (key == "gen_ai.system")
        return std::string(attr::kProviderName);
    if (key == "gen_ai.usage.prompt_tokens")
        return std::string(attr::kInputTokens);
    if (key == "gen_ai.usage.completion_tokens")
        return std::string(attr::kOutputTokens);
    return key;
}

void readAttributes(const json& list, Attributes& out)
{
    if (!list.is_array())
        return;
    for (const json& kv : list)
        if (kv.contains("key") && kv.contains("value"))
            out.insert_or_assign(currentName(kv["key"].get<std::string>()), valueOf(kv["value"]));
}

bool isModelCall(const Span& s)
{
    const std::string op = s.attrString(attr::kOperationName);
    return op == "chat" || op == "text_completion" || op == "generate_content" || s.attr(attr::kInputTokens) ||
           s.attr(attr::kOutputTokens);
}

Span readSpan(const json& j)
{
    Span s;
    s.traceId = lowerHex(j.value("traceId", json()));
    s.spanId = lowerHex(j.value("spanId", json()));
    s.parentSpanId = lowerHex(j.value("parentSpanId", json()));
    s.name = j.value("name", "");
    const int kind = j.value("kind", 1);
    s.kind = kind == 2 ? SpanKind::Server : kind == 3 ? SpanKind::Client : SpanKind::Internal;
    s.start = int64Of(j.value("startTimeUnixNano", json(0)));
    s.end = int64Of(j.value("endTimeUnixNano", json(0)));
    if (j.contains("status") && j["status"].is_object()) {
        const int code = j["status"].value("code", 0);
        s.status = code == 2 ? SpanStatus::Error : code == 1 ? SpanStatus::Ok : SpanStatus::Unset;
        s.statusMessage = j["status"].value("message", "");
    }
    readAttributes(j.value("attributes", json()), s.attributes);
    for (const json& e : j.value("events", json::array())) {
        SpanEvent event{int64Of(e.value("timeUnixNano", json(0))), e.value("name", ""), {}};
        readAttributes(e.value("attributes", json()), event.attributes);
        s.events.push_back(std::move(event));
    }
    if (isModelCall(s) && !s.attr(attr::kStage))
        s.attributes.emplace(std::string(attr::kStage), std::string("llm.call"));
    return s;
}

bool validIds(const Span& s)
{
    return s.traceId.size() == 32 && s.spanId.size() == 16;
}

// The root (no parent in this trace) gets the resource attributes, the source and the model.
void finishTrace(Trace& trace, const Attributes& resource)
{
    auto isRoot = [&](const Span& s) { return s.parentSpanId.empty() || !trace.findSpan(s.parentSpanId); };
    auto root = std::find_if(trace.spans.begin(), trace.spans.end(), isRoot);
    if (root == trace.spans.end())
        return;
    root->parentSpanId.clear();
    for (const auto& [k, v] : resource)
        root->attributes.emplace(k, v);
    root->attributes.emplace(std::string(attr::kSource), std::string("otlp"));
    if (!root->attr(attr::kRequestModel))
        for (const Span& s : trace.spans)
            if (auto model = s.attrString(attr::kRequestModel); !model.empty()) {
                root->attributes.emplace(std::string(attr::kRequestModel), model);
                break;
            }
    std::rotate(trace.spans.begin(), root, root + 1); // the root first, as the pipeline writes it
}

} // namespace

OtlpImport parseOtlpTraces(std::string_view body)
{
    OtlpImport out;
    try {
        const json doc = json::parse(body);
        std::map<std::string, Trace> byId;
        std::map<std::string, Attributes> resourceOf;
        for (const json& rs : doc.value("resourceSpans", json::array())) {
            Attributes resource;
            if (rs.contains("resource") && rs["resource"].is_object())
                readAttributes(rs["resource"].value("attributes", json()), resource);
            for (const json& ss : rs.value("scopeSpans", json::array()))
                for (const json& j : ss.value("spans", json::array())) {
                    Span span = readSpan(j);
                    if (!validIds(span)) {
                        ++out.rejectedSpans;
                        continue;
                    }
                    Trace& trace = byId[span.traceId];
                    trace.traceId = span.traceId;
                    resourceOf.emplace(span.traceId, resource);
                    trace.spans.push_back(std::move(span));
                }
        }
        for (auto& [id, trace] : byId) {
            finishTrace(trace, resourceOf[id]);
            summarize(trace);
            out.traces.push_back(std::move(trace));
        }
    } catch (const std::exception& e) {
        out.traces.clear();
        out.error = std::string("not an OTLP/HTTP JSON ExportTraceServiceRequest: ") + e.what();
    }
    return out;
}

} // namespace ts::serve
