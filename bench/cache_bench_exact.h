#pragma once
#include <cstddef>
#include <random>

// The exact cache's lookup as the pipeline makes it: the request's key (canonical JSON + SHA-256)
// and a read of the workspace's cache_exact table, hits and misses, with `entries` stored.
void exactCacheRun(std::size_t entries, std::mt19937_64& rng);
