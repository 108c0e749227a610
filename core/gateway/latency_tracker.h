#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace ts {

// Recent latency per deployment, for the least-latency strategy: an exponentially weighted
// moving average of time to first token (or the whole call, when nothing streamed). Failures
// count as slow, so a deployment that times out stops being "fastest". Thread-safe.
class LatencyTracker
{
public:
    explicit LatencyTracker(double weight = 0.3) : weight_(weight) {}
    void record(std::string_view deployment, double ms);
    void recordFailure(std::string_view deployment, double penaltyMs = 10'000);
    std::optional<double> average(std::string_view deployment) const;

private:
    double weight_;
    mutable std::mutex mutex_;
    std::map<std::string, double, std::less<>> ewma_;
};

} // namespace ts
