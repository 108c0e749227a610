#pragma once
#include "model/time.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ts {

// Requests and tokens per minute for one key (a deployment "openai/gpt-4o", a virtual key
// "key:team-a"); 0 means no limit.
struct RateLimit
{
    std::int64_t requestsPerMinute = 0;
    std::int64_t tokensPerMinute = 0;
};

// Token buckets that refill continuously (a limit of 60/min gives one back every second, and
// holds at most a minute's worth). A request takes one request and its estimated tokens from
// every key it is counted under, all or nothing; when it finishes, settle() trues the token
// bucket up to what the provider reported, so an estimate that was too low leaves a debt the next
// requests wait out. A request larger than a whole minute's tokens goes when the bucket is full.
// Thread-safe; time comes from the caller.
class RateLimiter
{
public:
    void setLimit(const std::string& key, RateLimit limit);
    std::optional<RateLimit> limit(const std::string& key) const;

    struct Charge
    {
        std::string key;
        std::int64_t tokens = 0; // the estimate
    };
    struct Decision
    {
        bool allowed = true;
        std::string key;    // refused: the key whose limit refused it
        std::string limit;  // "requests" or "tokens"
        Nanos retryAt = 0;  // refused: when it would be allowed, if nothing else arrives
    };
    Decision acquire(const std::vector<Charge>& charges, Nanos now);
    // The request finished having used `actualTokens` (it was charged its estimate).
    void settle(const Charge& charge, std::int64_t actualTokens, Nanos now);
    // An acquired request that was never sent: gives back its request and its tokens.
    void release(const std::vector<Charge>& charges, Nanos now);

    // What is left right now, for panels: requests and tokens available under `key`.
    std::pair<double, double> available(const std::string& key, Nanos now) const;

private:
    struct Bucket
    {
        double level = 0; // may go below zero (debt after settle)
        Nanos at = 0;
        bool primed = false;
    };
    struct Entry
    {
        RateLimit limit;
        Bucket requests;
        Bucket tokens;
    };
    Entry* find(const std::string& key);
    // Gives back (or, negative, takes) requests and tokens; never above a minute's worth.
    static void adjust(Entry& e, double requests, double tokens, Nanos now);
    static void refill(Bucket& b, std::int64_t perMinute, Nanos now);
    static Nanos whenAvailable(const Bucket& b, std::int64_t perMinute, double need, Nanos now);

    mutable std::mutex mutex_;
    std::map<std::string, Entry, std::less<>> entries_;
};

} // namespace ts
