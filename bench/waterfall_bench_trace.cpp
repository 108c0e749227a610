#include "waterfall_bench_trace.h"

#include "model/attributes.h"

#include <cstdio>
#include <random>
#include <string>

namespace ts::bench {

namespace {

class Builder
{
public:
    Builder(Trace& trace, std::uint64_t seed) : trace_(trace), rng_(seed) {}

    Span& add(const std::string& name, const std::string& parent, const char* stage, Nanos start, Nanos end)
    {
        Span s;
        s.traceId = trace_.traceId;
        s.spanId = hex(++serial_, 16);
        s.parentSpanId = parent;
        s.name = name;
        s.start = start;
        s.end = end;
        s.status = SpanStatus::Ok;
        if (stage)
            s.attributes[std::string(attr::kStage)] = std::string(stage);
        trace_.spans.push_back(std::move(s));
        return trace_.spans.back();
    }

    // guard.input, cache.lookup, a route with 1-3 attempts, guard.output, cache.store: ~9 spans.
    Nanos request(const std::string& parent, Nanos at)
    {
        const std::string id = add("chat", parent, "request", at, at).spanId;
        Nanos t = at;
        t = leaf(id, "guard.input", t, 200'000 + rng_() % 800'000);
        t = leaf(id, "cache.lookup", t, 100'000 + rng_() % 400'000);
        t = route(id, t);
        t = leaf(id, "guard.output", t, 200'000 + rng_() % 600'000);
        t = leaf(id, "cache.store", t, 100'000 + rng_() % 300'000);
        spanById(id).end = t;
        return t;
    }

    Nanos tool(const std::string& parent, Nanos at)
    {
        static const char* tools[] = {"read_file", "search_code", "run_tests"};
        Span& s = add(std::string("execute_tool ") + tools[rng_() % 3], parent, "tool", at,
                      at + static_cast<Nanos>(5 + rng_() % 300) * kNsPerMs);
        s.attributes[std::string(attr::kToolName)] = std::string(tools[rng_() % 3]);
        return s.end;
    }

    // Nested internal work, `depth` levels, each starting a little after and ending a little before its parent.
    Nanos chain(const std::string& parent, Nanos at, int depth)
    {
        const Nanos length = depth * 2 * 50'000 + 1'000'000;
        std::string id = parent;
        for (int level = 0; level < depth; ++level)
            id = add("step " + std::to_string(level), id, nullptr, at + level * 50'000, at + length - level * 50'000).spanId;
        return at + length;
    }

    int size() const { return static_cast<int>(trace_.spans.size()); }

private:
    static std::string hex(std::uint64_t value, int width)
    {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%0*llx", width, static_cast<unsigned long long>(value));
        return buffer;
    }

    Span& spanById(const std::string& id)
    {
        for (auto it = trace_.spans.rbegin(); it != trace_.spans.rend(); ++it)
            if (it->spanId == id)
                return *it;
        return trace_.spans.back();
    }

    Nanos leaf(const std::string& parent, const char* stage, Nanos at, Nanos length)
    {
        return add(stage, parent, stage, at, at + length).end;
    }

    Nanos route(const std::string& parent, Nanos at)
    {
        const std::string id = add("route default", parent, "route", at, at).spanId;
        const int attempts = rng_() % 10 == 0 ? 2 + static_cast<int>(rng_() % 2) : 1;
        Nanos t = at;
        for (int a = 1; a <= attempts; ++a) {
            const bool last = a == attempts;
            const std::string model = a == 3 ? "claude-haiku-4.5" : "gpt-4.1-mini";
            t = call(id, model, a, t, !last) + (last ? 0 : static_cast<Nanos>(100 + rng_() % 400) * kNsPerMs);
        }
        spanById(id).end = t;
        return t;
    }

    Nanos call(const std::string& parent, const std::string& model, int attempt, Nanos at, bool fails)
    {
        const Nanos ttft = static_cast<Nanos>(150 + rng_() % 600) * kNsPerMs;
        const int chunks = fails ? 0 : 10 + static_cast<int>(rng_() % 40);
        const Nanos end = at + (fails ? static_cast<Nanos>(30 + rng_() % 200) * kNsPerMs : ttft + chunks * 18 * kNsPerMs);
        Span& s = add("chat " + model, parent, "llm.call", at, end);
        s.kind = SpanKind::Client;
        auto& a = s.attributes;
        a[std::string(attr::kRequestModel)] = model;
        a[std::string(attr::kProviderName)] = std::string(model.starts_with("claude") ? "anthropic" : "openai");
        a[std::string(attr::kAttempt)] = std::int64_t{attempt};
        a[std::string(attr::kInputTokens)] = static_cast<std::int64_t>(200 + rng_() % 4000);
        a[std::string(attr::kOutputTokens)] = static_cast<std::int64_t>(chunks * 3);
        a[std::string(attr::kCostUsd)] = static_cast<double>(rng_() % 1000) / 1e5;
        if (fails) {
            s.status = SpanStatus::Error;
            s.statusMessage = "429 Too Many Requests";
            a[std::string(attr::kErrorCategory)] = std::string("rate_limited");
            return end;
        }
        a[std::string(attr::kTimeToFirstChunk)] = static_cast<double>(ttft) / kNsPerSec;
        Exchange e;
        e.spanId = s.spanId;
        e.url = "https://api.example.com/v1/chat/completions";
        e.httpStatus = 200;
        for (int c = 0; c < chunks; ++c)
            e.chunks.push_back({at + ttft + c * 18 * kNsPerMs, R"(data: {"choices":[{"delta":{"content":"tok"}}]})"});
        trace_.exchanges.push_back(std::move(e));
        return end;
    }

    Trace& trace_;
    std::mt19937_64 rng_;
    std::uint64_t serial_ = 0;
};

} // namespace

Trace waterfallTrace(int spans, std::uint64_t seed)
{
    Trace trace;
    trace.traceId = "0000000000000000000000000000b0b0";
    const Nanos start = wallNowNs() - 3600 * kNsPerSec;
    Builder b(trace, seed);
    Span& root = b.add("invoke_agent batch-review", "", nullptr, start, start);
    root.kind = SpanKind::Server;
    root.attributes[std::string(attr::kOperationName)] = std::string("invoke_agent");
    root.attributes[std::string(attr::kSource)] = std::string("bench");
    const std::string rootId = root.spanId;
    // Four workers run side by side, so requests overlap and the critical path has to choose.
    Nanos lanes[4] = {start, start, start, start};
    for (int step = 0; b.size() < spans; ++step) {
        Nanos& t = lanes[step % 4];
        if (step % 250 == 7)
            t = b.chain(rootId, t, std::min(300, spans - b.size()));
        else if (step % 3 == 2)
            t = b.tool(rootId, t);
        else
            t = b.request(rootId, t);
    }
    trace.spans.resize(static_cast<std::size_t>(spans)); // the last request may overshoot by a few spans
    Nanos end = start;
    for (const Span& s : trace.spans)
        end = std::max(end, s.end);
    trace.spans.front().end = end + 2 * kNsPerMs;
    trace.input = {{Role::User, "Review the 400 open pull requests", {}, {}, {}}};
    summarize(trace);
    return trace;
}

} // namespace ts::bench
