#pragma once
#include "gateway/pipeline.h"
#include "model/cancel.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ts::demo {

inline const std::vector<std::string> kScenarios{"copilot", "writer", "rag", "agent"};

struct Options
{
    std::vector<std::string> scenarios = kScenarios;
    int days = 7;
    std::uint64_t seed = 1;
    double requestsPerDay = 2400; // across all scenarios
    Nanos end = 0;                // traffic ends here; 0: now
    // The workspace the traces go to: its exact cache (1-hour TTL) and an in-memory semantic cache
    // answer a user's repeated and reworded questions (about 7% of the traffic). Empty: no caches.
    std::string workspacePath;
};

struct Stats
{
    std::int64_t requests = 0;
    std::int64_t errors = 0;
    std::int64_t cacheHits = 0;
    double costUsd = 0;
};

// Runs generated traffic through the real pipeline with the simulated provider on virtual clocks,
// spread over the days before `end`. Deterministic for a given seed and end. progress(done, total)
// returns false to stop early.
Stats run(const Options& options, const Pipeline::TraceSink& sink,
          const std::function<bool(std::int64_t, std::int64_t)>& progress = {});

} // namespace ts::demo
