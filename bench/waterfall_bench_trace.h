#pragma once
#include "model/trace.h"

#include <cstdint>

namespace ts::bench {

// One agent run of `spans` spans shaped like real traffic: a root, requests through the pipeline
// (guards, cache lookups, routes with retries and fallbacks, streamed model calls with their chunks),
// tool calls, and now and then a deep chain of nested internal spans.
Trace waterfallTrace(int spans, std::uint64_t seed);

} // namespace ts::bench
