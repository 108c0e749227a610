#pragma once
#include "trace/store.h"

#include <cstdint>
#include <memory>
#include <string>

namespace ts::bench {

// A workspace shaped like a product's month of gateway traffic: 5 spans a request (root, input
// guard, cache lookup, route, model call), 8 models on 4 routes, 300 users (a few busy ones), tags,
// errors, cache hits, streamed answers; prompts of one route grow longer in the last week. Reused
// when the file already holds `traces` requests.
struct LiveStoreSpec
{
    std::string path;
    std::int64_t traces = 1'000'000; // x 5 spans
    int days = 30;
    unsigned seed = 42;
};

std::shared_ptr<TraceStore> prepareLiveStore(const LiveStoreSpec& spec);

} // namespace ts::bench
