#pragma once
#include "model/cancel.h"
#include "model/trace.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ts::cache {

// One recorded request as the semantic cache would have seen it.
struct TuningRequest
{
    std::string traceId;
    Nanos start = 0;
    std::string scope;  // the model, the conversation before the question and the user, hashed
    std::string prompt; // the question: the last user message
    std::string answer;
    double costUsd = 0; // what answering it cost (or, for a cache hit, what the hit saved)
    std::string cacheKey; // its exact cache entry, when the exact cache stored or served it
};

// The request a trace recorded, or nullopt when the semantic cache would not have looked it up
// (no text question last). Scoped like the semantic cache (semantic_query.h) except for sampling
// parameters and the provider, which a cache hit's trace does not record.
std::optional<TuningRequest> tuningRequestOf(const Trace& trace);

// A request and the most similar earlier request in its scope.
struct TuningPair
{
    std::size_t request = 0; // index into TuningResult::requests
    std::size_t earlier = 0;
    float similarity = 0;
    bool answersDiffer = false; // the recorded answers differ (whitespace aside)
};

// What a threshold would have done to the recorded traffic.
struct ThresholdFigures
{
    float threshold = 0;
    std::int64_t requests = 0;
    std::int64_t hits = 0;      // requests an earlier one would have answered
    std::int64_t differing = 0; // of those, the ones whose recorded answers differ
    double savedUsd = 0;

    double hitRate() const { return requests ? static_cast<double>(hits) / static_cast<double>(requests) : 0.0; }
};

inline constexpr int kFirstThresholdPercent = 50;
inline constexpr int kLastThresholdPercent = 100;

// An immutable result: per-threshold figures and the pairs to review are read off the matches, so
// moving a threshold needs no new computation.
struct TuningResult
{
    std::vector<TuningRequest> requests; // oldest first
    std::vector<TuningPair> matches;     // one per request with an earlier request in scope

    ThresholdFigures at(float threshold) const;
    // 0.50, 0.51, ... 1.00
    std::vector<ThresholdFigures> curve() const;
    // Pairs just below the threshold (within `window`), closest to it first.
    std::vector<TuningPair> nearMisses(float threshold, std::size_t limit, float window = 0.05f) const;
    // Hits whose answers differ first, then the least similar hits.
    std::vector<TuningPair> riskiestHits(float threshold, std::size_t limit) const;
};

using TuningProgress = std::function<void(std::size_t done, std::size_t total)>;

// How far back a question may find its match: the semantic cache's default time to live, since an
// entry older than that would have expired before the question came.
inline constexpr Nanos kTuningWindow = 24 * 3600 * kNsPerSec;

// Embeds each question with the lexical embedder and finds its most similar earlier question in the
// same scope and within `window` by a full scan (the requests are capped by whoever loads them).
// nullopt once cancelled; the token is checked between requests.
std::optional<TuningResult> tuneThreshold(std::vector<TuningRequest> requests, const CancelToken* cancel = nullptr,
                                          const TuningProgress& progress = {}, Nanos window = kTuningWindow);

} // namespace ts::cache
