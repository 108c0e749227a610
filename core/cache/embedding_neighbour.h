#pragma once
#include <cstdint>

namespace ts::cache {

// One search result: an entry's label and its cosine similarity to the query (1: same direction).
struct Neighbour
{
    std::uint64_t label = 0;
    float similarity = 0;

    bool operator==(const Neighbour&) const = default;
};

} // namespace ts::cache
