#pragma once
// The pipeline's per-request state, shared by its source files (not part of its interface).
#include "gateway/pipeline.h"

#include <memory>
#include <random>

namespace ts {

struct Pipeline::Run
{
    ChatRequest request;
    const RunOptions& options;
    TraceBuilder& trace;
    Span& root;
    PipelineResult result;
    std::mt19937_64 rng;
    // What this run started with; swaps while it runs do not reach it.
    std::shared_ptr<const ProviderRegistry> providers;
    std::shared_ptr<Router> router;
    std::shared_ptr<Governor> governor;
    std::shared_ptr<InputGuard> inputGuard;
    std::shared_ptr<OutputGuard> outputGuard;
    std::shared_ptr<const TextRestorer> restorer; // set by the input guard when it redacted
    std::size_t exchangesBefore = 0;              // the trace's raw exchanges before this run's calls
};

// What one attempt at one deployment came to.
struct Pipeline::Attempted
{
    bool streamed = false;   // text reached the caller: no other attempt may follow
    std::int64_t tokens = 0; // input + output, reported or counted
    double costUsd = 0;
    std::optional<double> latencyMs; // to the first token, or the whole call
};

} // namespace ts
