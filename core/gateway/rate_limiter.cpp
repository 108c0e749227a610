#include "gateway/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace ts {

namespace {
constexpr double kMinuteNs = 60.0 * static_cast<double>(kNsPerSec);
constexpr double kSlack = 1e-6; // a refill that lands exactly on the need counts, rounding or not

double tokensOf(const RateLimiter::Charge& c) { return static_cast<double>(std::max<std::int64_t>(c.tokens, 0)); }
}

void RateLimiter::setLimit(const std::string& key, RateLimit limit)
{
    std::lock_guard lock(mutex_);
    entries_[key].limit = limit;
}

std::optional<RateLimit> RateLimiter::limit(const std::string& key) const
{
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    return it == entries_.end() ? std::nullopt : std::optional(it->second.limit);
}

void RateLimiter::refill(Bucket& b, std::int64_t perMinute, Nanos now)
{
    const auto capacity = static_cast<double>(perMinute);
    if (!b.primed) {
        b = {capacity, now, true};
        return;
    }
    if (now > b.at)
        b.level = std::min(capacity, b.level + capacity * static_cast<double>(now - b.at) / kMinuteNs);
    b.at = std::max(b.at, now);
}

Nanos RateLimiter::whenAvailable(const Bucket& b, std::int64_t perMinute, double need, Nanos now)
{
    const double missing = need - b.level;
    if (missing <= kSlack)
        return now;
    return now + static_cast<Nanos>(std::ceil(missing * kMinuteNs / static_cast<double>(perMinute)));
}

RateLimiter::Entry* RateLimiter::find(const std::string& key)
{
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

void RateLimiter::adjust(Entry& e, double requests, double tokens, Nanos now)
{
    if (e.limit.requestsPerMinute > 0) {
        refill(e.requests, e.limit.requestsPerMinute, now);
        e.requests.level = std::min(e.requests.level + requests, static_cast<double>(e.limit.requestsPerMinute));
    }
    if (e.limit.tokensPerMinute > 0) {
        refill(e.tokens, e.limit.tokensPerMinute, now);
        e.tokens.level = std::min(e.tokens.level + tokens, static_cast<double>(e.limit.tokensPerMinute));
    }
}

RateLimiter::Decision RateLimiter::acquire(const std::vector<Charge>& charges, Nanos now)
{
    std::lock_guard lock(mutex_);
    // Check every key first, then take from all: a refusal takes nothing.
    for (const Charge& c : charges) {
        Entry* e = find(c.key);
        if (!e)
            continue;
        if (e->limit.requestsPerMinute > 0) {
            refill(e->requests, e->limit.requestsPerMinute, now);
            if (e->requests.level + kSlack < 1)
                return {false, c.key, "requests", whenAvailable(e->requests, e->limit.requestsPerMinute, 1, now)};
        }
        if (e->limit.tokensPerMinute > 0) {
            refill(e->tokens, e->limit.tokensPerMinute, now);
            const double need = std::min(tokensOf(c), static_cast<double>(e->limit.tokensPerMinute));
            if (e->tokens.level + kSlack < need)
                return {false, c.key, "tokens", whenAvailable(e->tokens, e->limit.tokensPerMinute, need, now)};
        }
    }
    for (const Charge& c : charges)
        if (Entry* e = find(c.key))
            adjust(*e, -1, -tokensOf(c), now);
    return {};
}

void RateLimiter::settle(const Charge& charge, std::int64_t actualTokens, Nanos now)
{
    std::lock_guard lock(mutex_);
    if (Entry* e = find(charge.key))
        adjust(*e, 0, tokensOf(charge) - static_cast<double>(std::max<std::int64_t>(actualTokens, 0)), now);
}

void RateLimiter::release(const std::vector<Charge>& charges, Nanos now)
{
    std::lock_guard lock(mutex_);
    for (const Charge& c : charges)
        if (Entry* e = find(c.key))
            adjust(*e, 1, tokensOf(c), now);
}

std::pair<double, double> RateLimiter::available(const std::string& key, Nanos now) const
{
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end())
        return {INFINITY, INFINITY};
    Entry e = it->second;
    double requests = INFINITY, tokens = INFINITY;
    if (e.limit.requestsPerMinute > 0) {
        refill(e.requests, e.limit.requestsPerMinute, now);
        requests = e.requests.level;
    }
    if (e.limit.tokensPerMinute > 0) {
        refill(e.tokens, e.limit.tokensPerMinute, now);
        tokens = e.tokens.level;
    }
    return {requests, tokens};
}

} // namespace ts
