#include "gateway/circuit_breaker.h"

#include <algorithm>

namespace ts {

std::string_view breakerStateName(BreakerState state)
{
    switch (state) {
    case BreakerState::Closed: return "closed";
    case BreakerState::Open: return "open";
    case BreakerState::HalfOpen: return "half-open";
    }
    return "closed";
}

CircuitBreakers::Entry& CircuitBreakers::entry(std::string_view key)
{
    auto it = entries_.find(key);
    if (it == entries_.end())
        it = entries_.emplace(std::string(key), Entry{}).first;
    return it->second;
}

void CircuitBreakers::open(Entry& e, Nanos now)
{
    e.lastOpenFor = e.state == BreakerState::HalfOpen && e.lastOpenFor > 0
                        ? std::min(config_.maxOpenFor, e.lastOpenFor * 2)
                        : config_.openFor;
    e.state = BreakerState::Open;
    e.openUntil = now + e.lastOpenFor;
    e.failures = 0;
    e.probesInFlight = 0;
}

CircuitBreakers::Admission CircuitBreakers::admit(std::string_view key, Nanos now)
{
    std::lock_guard lock(mutex_);
    Entry& e = entry(key);
    if (e.state == BreakerState::Open && now >= e.openUntil) {
        e.state = BreakerState::HalfOpen;
        e.probesInFlight = 0;
    }
    switch (e.state) {
    case BreakerState::Closed:
        return {true, e.state, 0};
    case BreakerState::Open:
        return {false, e.state, e.openUntil};
    case BreakerState::HalfOpen:
        if (e.probesInFlight >= std::max(1, config_.halfOpenProbes))
            return {false, e.state, now}; // a probe is out: try again when it reports
        ++e.probesInFlight;
        return {true, e.state, 0};
    }
    return {};
}

void CircuitBreakers::record(std::string_view key, bool success, Nanos now)
{
    std::lock_guard lock(mutex_);
    Entry& e = entry(key);
    switch (e.state) {
    case BreakerState::Closed:
        e.failures = success ? 0 : e.failures + 1;
        if (e.failures >= std::max(1, config_.failureThreshold))
            open(e, now);
        break;
    case BreakerState::HalfOpen:
        if (success) {
            e = Entry{};
        } else {
            open(e, now);
        }
        break;
    case BreakerState::Open:
        break; // a call admitted before the breaker opened: its verdict changes nothing
    }
}

void CircuitBreakers::abandon(std::string_view key)
{
    std::lock_guard lock(mutex_);
    Entry& e = entry(key);
    if (e.state == BreakerState::HalfOpen && e.probesInFlight > 0)
        --e.probesInFlight;
}

BreakerState CircuitBreakers::state(std::string_view key, Nanos now) const
{
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end())
        return BreakerState::Closed;
    const Entry& e = it->second;
    return e.state == BreakerState::Open && now >= e.openUntil ? BreakerState::HalfOpen : e.state;
}

} // namespace ts
