#pragma once
// Hand-built traces with cache spans, for the cache report and threshold tuning tests.
#include "model/attributes.h"
#include "model/trace.h"
#include "trace_fixtures.h"

#include <string>

namespace ts::test {

inline constexpr Nanos kDay1 = 1'767'225'600'000'000'000; // 2026-01-01T00:00Z
inline constexpr Nanos kDay = 86'400LL * kNsPerSec;

// A cache.lookup span of the given layer on the trace's root; saved is recorded on a hit.
inline void addLookup(Trace& trace, const std::string& layer, bool hit, double saved = 0)
{
    Span span;
    span.traceId = trace.traceId;
    span.spanId = newSpanId();
    span.parentSpanId = trace.spans.front().spanId;
    span.name = "cache.lookup";
    span.start = trace.spans.front().start;
    span.end = span.start;
    span.attributes = {{std::string(attr::kStage), std::string("cache.lookup")},
                       {std::string(attr::kCacheLayer), layer},
                       {std::string(attr::kCacheHit), hit}};
    if (hit)
        span.attributes[std::string(attr::kCacheSavedUsd)] = saved;
    trace.spans.push_back(span);
}

// A trace answered from a cache: no model call, only the root and a lookup that hit.
inline Trace cacheHitTrace(TraceSpec spec, const std::string& layer, double saved)
{
    spec.costUsd = 0;
    Trace trace = makeTrace(spec);
    trace.spans.pop_back();
    addLookup(trace, layer, true, saved);
    return trace;
}

inline void setCacheRead(Trace& trace, std::int64_t tokens)
{
    trace.spans.back().attributes[std::string(attr::kCacheReadTokens)] = tokens;
}

} // namespace ts::test
