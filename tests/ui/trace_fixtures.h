#pragma once
// (Namespace uitest: tests/support has its own ts::test::TraceSpec.)
// Tiny builders of traces with spans, messages and a raw exchange, and a temporary workspace.
#include "model/attributes.h"
#include "model/trace.h"
#include "trace/store.h"

#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <string>

namespace ts::uitest {

struct TraceSpec
{
    int index = 0;
    Nanos start = 1'790'000'000LL * kNsPerSec; // 2026-09-21
    double durationMs = 1200;
    std::string model = "gpt-4o-mini";
    std::string provider = "openai";
    std::int64_t inputTokens = 100;
    std::int64_t outputTokens = 40;
    double costUsd = 0.0012;
    double ttftSeconds = 0.25;
    bool error = false;
    bool simulated = false;
    std::string source = "playground";
};

inline std::string hexId(int index, int width)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%0*x", width, index);
    return buffer;
}

inline std::string traceIdOf(int index) { return hexId(index + 1, 32); }

inline Span makeSpan(const TraceSpec& spec, std::string name, std::string stage, std::string parent, double fromMs,
                     double toMs, int serial)
{
    Span span;
    span.traceId = traceIdOf(spec.index);
    span.spanId = hexId(spec.index * 16 + serial + 1, 16);
    span.parentSpanId = std::move(parent);
    span.name = std::move(name);
    span.start = spec.start + static_cast<Nanos>(fromMs * kNsPerMs);
    span.end = spec.start + static_cast<Nanos>(toMs * kNsPerMs);
    span.status = SpanStatus::Ok;
    if (!stage.empty())
        span.attributes[std::string(attr::kStage)] = stage;
    return span;
}

inline Span rootSpan(const TraceSpec& spec)
{
    Span root = makeSpan(spec, "chat", "", "", 0, spec.durationMs, 0);
    root.kind = SpanKind::Server;
    root.attributes[std::string(attr::kRequestModel)] = spec.model;
    root.attributes[std::string(attr::kSource)] = spec.source;
    root.attributes[std::string(attr::kSimulated)] = spec.simulated;
    root.attributes[std::string(attr::kUser)] = std::string(spec.index % 2 ? "alice" : "bob");
    if (spec.error) {
        root.status = SpanStatus::Error;
        root.statusMessage = "upstream returned 429";
    }
    return root;
}

inline Span callSpan(const TraceSpec& spec, const std::string& parent)
{
    Span call = makeSpan(spec, "chat " + spec.model, "llm.call", parent, 5, spec.durationMs - 5, 2);
    call.kind = SpanKind::Client;
    call.attributes[std::string(attr::kRequestModel)] = spec.model;
    call.attributes[std::string(attr::kProviderName)] = spec.provider;
    call.attributes[std::string(attr::kInputTokens)] = spec.inputTokens;
    call.attributes[std::string(attr::kOutputTokens)] = spec.outputTokens;
    call.attributes[std::string(attr::kCostUsd)] = spec.costUsd;
    call.attributes[std::string(attr::kTimeToFirstChunk)] = spec.ttftSeconds;
    call.attributes[std::string(attr::kSimulated)] = spec.simulated;
    if (spec.error)
        call.status = SpanStatus::Error;
    return call;
}

inline Exchange exchangeFor(const TraceSpec& spec, const Span& call)
{
    Exchange e;
    e.spanId = call.spanId;
    e.url = "https://api.openai.com/v1/chat/completions";
    e.requestHeaders = {{"Content-Type", "application/json"}, {"Authorization", "<redacted>"}};
    e.requestBody = R"({"model":")" + spec.model + R"(","stream":true,"messages":[{"role":"user","content":"Question )" +
                    std::to_string(spec.index) + R"("}]})";
    e.httpStatus = spec.error ? 429 : 200;
    e.responseHeaders = {{"Content-Type", "text/event-stream"}};
    for (int i = 0; i < 3; ++i)
        e.chunks.push_back({call.start + (250 + i * 20) * kNsPerMs, R"(data: {"choices":[{"delta":{"content":"Hi"}}]})"});
    return e;
}

inline Trace makeTrace(const TraceSpec& spec)
{
    Trace trace;
    trace.traceId = traceIdOf(spec.index);
    Span root = rootSpan(spec);
    Span guard = makeSpan(spec, "guard.input", "guard.input", root.spanId, 1, 4, 1);
    Span call = callSpan(spec, root.spanId);
    trace.exchanges.push_back(exchangeFor(spec, call));
    trace.spans = {root, guard, call};
    trace.input = {{Role::System, "You are terse.", {}, {}, {}},
                   {Role::User, "Question " + std::to_string(spec.index) + ": what is up?", {}, {}, {}}};
    trace.output = {{Role::Assistant, "Answer " + std::to_string(spec.index), {}, {}, {}}};
    summarize(trace);
    return trace;
}

// Trace i starts i seconds after the first; every 7th is an error, every 3rd simulated, costs vary.
inline TraceSpec specFor(int index)
{
    TraceSpec spec;
    spec.index = index;
    spec.start += static_cast<Nanos>(index) * kNsPerSec;
    spec.model = index % 2 ? "gpt-4o-mini" : "claude-haiku";
    spec.provider = index % 2 ? "openai" : "anthropic";
    spec.costUsd = 0.0001 * ((index * 37) % 101);
    spec.inputTokens = 50 + (index * 13) % 1000;
    spec.error = index % 7 == 3;
    spec.simulated = index % 3 == 0;
    spec.source = spec.simulated ? "demo" : "playground";
    return spec;
}

inline std::shared_ptr<TraceStore> openTempStore(const QTemporaryDir& dir)
{
    StoreOptions options;
    options.watchIntervalMs = 50;
    options.batchWindowMs = 10;
    const std::string path = dir.filePath(QStringLiteral("workspace.tokenscope")).toStdString();
    return TraceStore::open(path, TraceStore::OpenMode::CreateIfMissing, options);
}

inline void fillStore(TraceStore& store, int count, int firstIndex = 0)
{
    for (int i = firstIndex; i < firstIndex + count; ++i)
        store.write(makeTrace(specFor(i)));
    store.flush();
}

} // namespace ts::uitest
