#pragma once
#include "cache/request_key.h"
#include "model/time.h"

namespace ts::cache {

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
