#include "live_panels_bench_store.h"

#include "model/attributes.h"

#include <chrono>
#include <cstdio>
#include <random>

namespace ts::bench {

namespace {

constexpr Nanos kMs = kNsPerMs;

struct ModelSpec
{
    const char* model;
    const char* provider;
    const char* route;
    double msPerToken;
    double usdPerKTokens;
};

const ModelSpec kModels[] = {
    {"gpt-4o-mini", "openai", "writer-fast", 8, 0.0006},      {"gemini-2.0-flash", "gemini", "writer-fast", 6, 0.0004},
    {"claude-sonnet-4", "anthropic", "writer-premium", 22, 0.015}, {"gpt-4o", "openai", "writer-premium", 18, 0.01},
    {"gpt-4.1-mini", "openai", "rag-default", 9, 0.0016},     {"claude-3-5-haiku", "anthropic", "rag-default", 10, 0.004},
    {"o3-mini", "openai", "agent", 14, 0.0044},               {"llama3.1:8b", "ollama", "agent", 12, 0.0},
};
const char* kTags[] = {"writer,tier:fast", "writer,tier:premium", "rag,kb:docs", "rag,kb:support", "agent,code-review",
                       "ide,completion"};

std::string hex(std::uint64_t value, int width)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%0*llx", width, static_cast<unsigned long long>(value));
    return buffer;
}

Span span(const Trace& trace, std::uint64_t id, const std::string& parent, std::string name, const char* stage,
          Nanos from, Nanos to)
{
    Span s;
    s.traceId = trace.traceId;
    s.spanId = hex(id, 16);
    s.parentSpanId = parent;
    s.name = std::move(name);
    s.start = from;
    s.end = to;
    s.status = SpanStatus::Ok;
    if (stage)
        s.attributes[std::string(attr::kStage)] = std::string(stage);
    return s;
}

Trace requestTrace(std::int64_t i, Nanos start, bool grown, std::mt19937_64& rng)
{
    const ModelSpec& m = kModels[rng() % 8];
    Trace trace;
    trace.traceId = hex(static_cast<std::uint64_t>(i) + 1, 32);
    const std::uint64_t base = static_cast<std::uint64_t>(i) * 8;
    std::lognormal_distribution<double> promptTokens(grown && std::string(m.route) == "rag-default" ? 7.4 : 6.6, 0.5);
    std::lognormal_distribution<double> outputTokens(5.0, 0.6);
    const auto input = static_cast<std::int64_t>(promptTokens(rng));
    const auto output = static_cast<std::int64_t>(outputTokens(rng));
    const bool hit = rng() % 12 == 0;
    const bool error = !hit && rng() % 40 == 0;
    const Nanos ttft = static_cast<Nanos>((120 + static_cast<double>(input) * 0.08 + static_cast<double>(rng() % 200)) * kMs);
    const Nanos generation = static_cast<Nanos>(static_cast<double>(output) * m.msPerToken * kMs);
    const Nanos guardEnd = start + 2 * kMs, cacheEnd = guardEnd + 3 * kMs;
    const Nanos callEnd = hit ? cacheEnd : cacheEnd + ttft + generation;
    const Nanos end = callEnd + 2 * kMs;
    Span root = span(trace, base + 1, "", std::string("chat ") + m.model, nullptr, start, end);
    root.kind = SpanKind::Server;
    root.attributes[std::string(attr::kRequestModel)] = std::string(m.model);
    root.attributes[std::string(attr::kSource)] = std::string(i % 5 == 0 ? "playground" : "gateway");
    std::geometric_distribution<int> user(0.02);
    root.attributes[std::string(attr::kUser)] = "user-" + std::to_string(std::min(user(rng), 299));
    root.attributes[std::string(attr::kTags)] = std::string(kTags[rng() % 6]);
    if (error) {
        root.status = SpanStatus::Error;
        root.attributes[std::string(attr::kErrorType)] = std::string("http.503");
    }
    trace.spans.push_back(root);
    trace.spans.push_back(span(trace, base + 2, root.spanId, "guard.input", "guard.input", start, guardEnd));
    Span cache = span(trace, base + 3, root.spanId, "cache.lookup", "cache.lookup", guardEnd, cacheEnd);
    cache.attributes[std::string(attr::kCacheHit)] = hit;
    if (hit)
        cache.attributes[std::string(attr::kCacheSavedUsd)] = static_cast<double>(input + output) / 1000.0 * m.usdPerKTokens;
    trace.spans.push_back(cache);
    Span route = span(trace, base + 4, root.spanId, std::string("route ") + m.route, "route", cacheEnd, callEnd);
    route.attributes[std::string(attr::kRoute)] = std::string(m.route);
    trace.spans.push_back(route);
    if (!hit) {
        Span call = span(trace, base + 5, route.spanId, std::string("chat ") + m.model, "llm.call", cacheEnd, callEnd);
        call.kind = SpanKind::Client;
        call.status = error ? SpanStatus::Error : SpanStatus::Ok;
        call.attributes[std::string(attr::kRequestModel)] = std::string(m.model);
        call.attributes[std::string(attr::kProviderName)] = std::string(m.provider);
        call.attributes[std::string(attr::kInputTokens)] = input;
        call.attributes[std::string(attr::kOutputTokens)] = error ? std::int64_t{0} : output;
        call.attributes[std::string(attr::kCostUsd)] = static_cast<double>(input + output) / 1000.0 * m.usdPerKTokens;
        call.attributes[std::string(attr::kTimeToFirstChunk)] = static_cast<double>(ttft) / 1e9;
        call.attributes[std::string(attr::kRequestStream)] = true;
        trace.spans.push_back(call);
    } else {
        trace.spans.push_back(span(trace, base + 5, root.spanId, "cache.replay", nullptr, cacheEnd, callEnd));
    }
    trace.input = {{Role::User, "Request " + std::to_string(i) + " about " + m.route, {}, {}, {}}};
    trace.output = {{Role::Assistant, "Answer " + std::to_string(i), {}, {}, {}}};
    return trace;
}

} // namespace

std::shared_ptr<TraceStore> prepareLiveStore(const LiveStoreSpec& spec)
{
    std::shared_ptr<TraceStore> store =
        TraceStore::open(spec.path, TraceStore::OpenMode::CreateIfMissing, StoreOptions{.maxBatch = 5000});
    const std::int64_t existing = store->reader()->count({});
    if (existing >= spec.traces) {
        std::printf("workspace %s: %lld requests (reused)\n", spec.path.c_str(), static_cast<long long>(existing));
        return store;
    }
    std::printf("workspace %s: writing %lld requests (%lld spans) ...\n", spec.path.c_str(),
                static_cast<long long>(spec.traces - existing), static_cast<long long>((spec.traces - existing) * 5));
    std::fflush(stdout);
    const auto began = std::chrono::steady_clock::now();
    std::mt19937_64 rng(spec.seed + static_cast<unsigned>(existing));
    const Nanos span = static_cast<Nanos>(spec.days) * 24 * 3600 * kNsPerSec;
    const Nanos first = wallNowNs() - span;
    const Nanos step = span / spec.traces;
    const Nanos grownFrom = first + span - 7 * 24 * 3600 * kNsPerSec;
    for (std::int64_t i = existing; i < spec.traces; ++i) {
        const Nanos start = first + i * step + static_cast<Nanos>(rng() % static_cast<std::uint64_t>(step));
        store->write(requestTrace(i, start, start >= grownFrom, rng));
    }
    if (!store->flush())
        std::fprintf(stderr, "write failed: %s\n", store->lastError().c_str());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    std::printf("written in %.0f s (%.0f requests/s)\n", seconds, static_cast<double>(spec.traces - existing) / seconds);
    return store;
}

} // namespace ts::bench
