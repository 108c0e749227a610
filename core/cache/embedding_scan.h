#pragma once
#include "cache/embedding_neighbour.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ts::cache {

// Every vector compared with the query: exact, and slow past a few thousand entries. The reference
// that HnswIndex's recall is measured against (tests, bench/cache_bench).
class FlatVectors
{
  public:
    explicit FlatVectors(std::size_t dimension) : dimension_(dimension) {}

    void add(std::uint64_t label, std::span<const float> vector);
    // Up to k entries, most similar first.
    std::vector<Neighbour> scan(std::span<const float> query, std::size_t k) const;
    std::size_t size() const { return labels_.size(); }

  private:
    std::size_t dimension_;
    std::vector<std::uint64_t> labels_;
    std::vector<float> values_; // labels_.size() rows of dimension_ floats
};

} // namespace ts::cache
