#include "gateway/latency_tracker.h"

#include <algorithm>

namespace ts {

void LatencyTracker::record(std::string_view deployment, double ms)
{
    ms = std::max(0.0, ms);
    std::lock_guard lock(mutex_);
    auto it = ewma_.find(deployment);
    if (it == ewma_.end())
        ewma_.emplace(std::string(deployment), ms);
    else
        it->second = weight_ * ms + (1 - weight_) * it->second;
}

void LatencyTracker::recordFailure(std::string_view deployment, double penaltyMs)
{
    std::optional<double> current = average(deployment);
    record(deployment, std::max(penaltyMs, current.value_or(0) * 2));
}

std::optional<double> LatencyTracker::average(std::string_view deployment) const
{
    std::lock_guard lock(mutex_);
    auto it = ewma_.find(deployment);
    return it == ewma_.end() ? std::nullopt : std::optional(it->second);
}

} // namespace ts
