#pragma once
#include "model/time.h"

// The exact cache's settings as the gateway config gives them; the cache itself (core/cache) sits
// above the gateway and reads them from here.
namespace ts::cache {

// How message text is compared: byte for byte, or with leading and trailing whitespace trimmed and
// every run of whitespace inside read as one space (so "Hi  there\n" and "Hi there" share an entry).
enum class WhitespacePolicy { Exact, Collapse };

struct KeyPolicy
{
    WhitespacePolicy whitespace = WhitespacePolicy::Exact;
    // Off: each user has their own entries (one user's answer may quote what only they may see).
    bool shareAcrossUsers = false;

    bool operator==(const KeyPolicy&) const = default;
};

// How a hit streams back: with the gaps the original answer had between its pieces, or at once.
enum class ReplayPacing { Original, Instant };

struct ExactCacheConfig
{
    bool enabled = false;
    Nanos ttl = 3600 * kNsPerSec; // older entries are misses, and are removed when met
    ReplayPacing replay = ReplayPacing::Original;
    KeyPolicy key;

    bool operator==(const ExactCacheConfig&) const = default;
};

} // namespace ts::cache
