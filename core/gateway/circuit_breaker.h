#pragma once
#include "model/time.h"

#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace ts {

// One breaker per deployment ("openai/gpt-4o"): after `failureThreshold` failures in a row the
// deployment is skipped for `openFor`, then one probe (or `halfOpenProbes`) is let through; a probe
// that succeeds closes the breaker, one that fails opens it again for twice as long (up to
// `maxOpenFor`). Which errors count as failures is the caller's call: a deployment's health
// (server errors, overload, timeouts, dropped connections), not the request's fault.
// Thread-safe; time comes from the caller, so tests drive it with a virtual clock.
struct BreakerConfig
{
    int failureThreshold = 5;
    Nanos openFor = 30 * kNsPerSec;
    Nanos maxOpenFor = 5 * 60 * kNsPerSec;
    int halfOpenProbes = 1;
};

enum class BreakerState { Closed, Open, HalfOpen };
std::string_view breakerStateName(BreakerState state); // "closed", "open", "half-open"

class CircuitBreakers
{
public:
    explicit CircuitBreakers(BreakerConfig config = {}) : config_(config) {}

    struct Admission
    {
        bool allowed = true;
        BreakerState state = BreakerState::Closed;
        Nanos retryAt = 0; // when refused: when the next probe may go
    };
    // Whether a call to `key` may go now. An allowed call must be followed by exactly one
    // record() or abandon() for the same key.
    Admission admit(std::string_view key, Nanos now);
    void record(std::string_view key, bool success, Nanos now);
    // The call never reached a verdict (cancelled by the caller): frees a half-open probe slot.
    void abandon(std::string_view key);

    BreakerState state(std::string_view key, Nanos now) const;
    const BreakerConfig& config() const { return config_; }

private:
    struct Entry
    {
        BreakerState state = BreakerState::Closed;
        int failures = 0;    // in a row, while closed
        Nanos openUntil = 0; // while open
        Nanos lastOpenFor = 0;
        int probesInFlight = 0;
    };
    Entry& entry(std::string_view key);
    void open(Entry& e, Nanos now);

    BreakerConfig config_;
    mutable std::mutex mutex_;
    std::map<std::string, Entry, std::less<>> entries_;
};

} // namespace ts
