#pragma once
#include "providers/provider.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ts {

struct SimulatedProfile
{
    double ttftMs = 350;       // median time to first token
    double tokensPerSec = 70;  // median generation speed
};

struct SimulatedConfig
{
    std::uint64_t seed = 42;
    double jitter = 0.25;       // relative spread of time to first token and of token gaps
    double errorRate = 0.0;     // share of calls that fail: 429, 5xx, or a stream cut mid-way
    double refusalRate = 0.0;   // share of calls answered with a refusal
    int tokensPerChunk = 3;     // tokens delivered per streamed chunk
    int defaultOutputTokens = 220;
    std::map<std::string, SimulatedProfile, std::less<>> profiles; // by model id; else derived from price
};

// A deterministic stand-in for a real provider: realistic time to first token, pacing, usage,
// prompt-cache reads, tool calls and failures, all from a seeded generator. Every result it makes
// is marked simulated. The same seed and the same sequence of calls give the same answers.
class SimulatedProvider final : public Provider
{
public:
    explicit SimulatedProvider(SimulatedConfig config = {});
    std::string id() const override { return "simulated"; }
    std::string otelName() const override { return "simulated"; }
    std::vector<ModelListing> models() const override;
    bool simulated() const override { return true; }
    CallResult call(const ChatRequest& request, const CallContext& ctx) override;

    const SimulatedConfig& config() const { return config_; }

private:
    SimulatedProfile profileFor(const std::string& model) const;
    std::uint64_t nextSeed(const ChatRequest& request);
    Usage usageFor(const ChatRequest& request, std::int64_t outputTokens, Nanos now);

    SimulatedConfig config_;
    std::mutex mutex_;
    std::uint64_t calls_ = 0;
    std::unordered_map<std::uint64_t, Nanos> prefixSeen_; // prompt prefix hash -> last use
};

} // namespace ts
