#include "trace_fixtures.h"

#include "model/attributes.h"

#include <limits>

namespace ts::test {

namespace {

Nanos msToNs(double ms)
{
    return static_cast<Nanos>(ms * static_cast<double>(kNsPerMs));
}

Span rootSpan(const TraceSpec& spec, const std::string& traceId)
{
    Span root;
    root.traceId = traceId;
    root.spanId = newSpanId();
    root.name = "chat " + spec.model;
    root.kind = SpanKind::Server;
    root.start = spec.start;
    root.end = spec.start + msToNs(spec.durationMs);
    root.status = spec.error ? SpanStatus::Error : SpanStatus::Ok;
    root.statusMessage = spec.error ? "upstream failed" : "";
    root.attributes = {
        {std::string(attr::kRequestModel), spec.model}, {std::string(attr::kSource), spec.source},
        {std::string(attr::kUser), spec.user},          {std::string(attr::kSession), spec.session},
        {std::string(attr::kTags), spec.tags},          {std::string(attr::kSimulated), spec.simulated}};
    if (spec.error)
        root.attributes[std::string(attr::kErrorType)] = std::string("http.500");
    return root;
}

Span callSpan(const TraceSpec& spec, const Span& root)
{
    Span call;
    call.traceId = root.traceId;
    call.spanId = newSpanId();
    call.parentSpanId = root.spanId;
    call.name = "llm.call";
    call.kind = SpanKind::Client;
    call.start = root.start;
    call.end = root.end;
    call.attributes = {{std::string(attr::kStage), std::string("llm.call")},
                       {std::string(attr::kRequestModel), spec.model},
                       {std::string(attr::kProviderName), spec.provider},
                       {std::string(attr::kInputTokens), spec.inputTokens},
                       {std::string(attr::kOutputTokens), spec.outputTokens},
                       {std::string(attr::kCostUsd), spec.costUsd}};
    if (spec.ttftMs)
        call.attributes[std::string(attr::kTimeToFirstChunk)] = *spec.ttftMs / 1000.0;
    return call;
}

} // namespace

Trace makeTrace(const TraceSpec& spec)
{
    Trace trace;
    trace.traceId = spec.traceId.empty() ? newTraceId() : spec.traceId;
    trace.spans.push_back(rootSpan(spec, trace.traceId));
    trace.spans.push_back(callSpan(spec, trace.spans.front()));
    trace.input = {Message{Role::User, spec.prompt, {}, {}, {}}};
    trace.output = {Message{Role::Assistant, spec.answer, {}, {}, {}}};
    return trace;
}

Trace richTrace()
{
    TraceSpec spec;
    spec.user = "ada";
    spec.session = "s-1";
    spec.tags = "beta,eu";
    spec.simulated = true;
    Trace trace = makeTrace(spec);
    Span& call = trace.spans.back();
    call.attributes["gen_ai.request.temperature"] = 2.0;
    call.attributes["gen_ai.request.top_p"] = 0.95;
    call.attributes["gen_ai.request.seed"] = std::int64_t{-42};
    call.attributes["tokenscope.big"] = std::numeric_limits<std::int64_t>::max();
    call.attributes["tokenscope.tiny"] = 1e-300;
    call.attributes["tokenscope.unbounded"] = std::numeric_limits<double>::infinity();
    call.attributes[std::string(attr::kRequestStream)] = true;
    call.attributes[std::string(attr::kCacheHit)] = false;
    call.attributes[std::string(attr::kFinishReasons)] = std::vector<std::string>{"stop", "tool_call"};
    call.attributes["tokenscope.empty_list"] = std::vector<std::string>{};
    call.attributes["tokenscope.number_text"] = std::string("42");
    call.attributes["tokenscope.unicode"] = std::string("naïve \"quoted\" \n line ✓");
    call.events = {
        SpanEvent{call.start + 5, "gen_ai.choice", {{"index", std::int64_t{0}}, {"final", true}}},
        SpanEvent{call.start + 9, "retry", {{"delay_s", 0.5}, {"reasons", std::vector<std::string>{"429"}}}}};
    trace.input.insert(trace.input.begin(), Message{Role::System, "You are terse.", {}, {}, {}});
    trace.output.push_back(
        Message{Role::Assistant, "", {ToolCall{"call_1", "lookup", R"({"q":"weather"})"}}, {}, {}});
    trace.output.push_back(Message{Role::Tool, "sunny", {}, "call_1", "lookup"});
    const std::string check = "✓"; // three bytes, split across two chunks below
    Exchange exchange;
    exchange.spanId = call.spanId;
    exchange.url = "https://api.example.test/v1/chat/completions";
    exchange.requestHeaders = {{"content-type", "application/json"},
                               {"authorization", "<redacted>"},
                               {"x-tag", "a"},
                               {"x-tag", "b"}};
    exchange.requestBody = R"({"model":"gpt-4o-mini","stream":true})";
    exchange.httpStatus = 200;
    exchange.responseHeaders = {{"content-type", "text/event-stream"}};
    exchange.chunks = {{call.start + 1, "data: {\"a\":1}\n\n" + check.substr(0, 1)},
                       {call.start + 2, check.substr(1) + "\n\ndata: [DONE]\n\n"}};
    trace.exchanges.push_back(exchange);
    return trace;
}

} // namespace ts::test
