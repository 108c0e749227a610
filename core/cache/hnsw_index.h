#pragma once
#include "cache/embedding_neighbour.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace ts::cache {

// Defaults chosen with bench/cache_bench (100,000 clustered 384-dimension vectors, k=10): recall@1
// 0.985 against a brute-force scan for near-duplicate queries, search p99 0.77 ms on CPU (p50 0.4 ms)
// on a shared 2-core machine, and a 48 s build; efConstruction 100 reached recall@1 0.997 but took
// 135 s to build there.
struct HnswParams
{
    std::size_t m = 16;              // links per node (twice that on the bottom layer)
    std::size_t efConstruction = 64; // candidates kept while linking a new node
    std::size_t ef = 64;             // candidates kept while searching (at least k)
    std::size_t initialCapacity = 1024;
    // Rebuild once this share of the nodes are deleted: hnswlib never reuses a deleted node's slot,
    // and deleted nodes still cost search time since the graph keeps routing through them.
    double rebuildWhenDeleted = 0.25;
};

// Nearest neighbours by cosine over unit vectors, on hnswlib's HNSW graph with inner product
// (hnswlib's distance is 1 - dot; this class speaks similarity). Capacity doubles as entries are
// added. Not thread-safe for writes; concurrent search() calls are safe with no writer running.
class HnswIndex
{
  public:
    explicit HnswIndex(std::size_t dimension, HnswParams params = {});
    ~HnswIndex();
    HnswIndex(const HnswIndex&) = delete;
    HnswIndex& operator=(const HnswIndex&) = delete;

    // The vector must have unit length; a label already present is replaced. add() and search()
    // throw std::invalid_argument for a vector that does not have dimension() floats.
    void add(std::uint64_t label, std::span<const float> vector);
    // False when the label is not there (or already removed). May rebuild the graph.
    bool remove(std::uint64_t label);
    // Up to k live entries, most similar first.
    std::vector<Neighbour> search(std::span<const float> query, std::size_t k) const;

    void setEf(std::size_t ef);
    std::size_t dimension() const { return dimension_; }
    std::size_t size() const;    // live entries
    std::size_t deleted() const; // removed, still in the graph
    std::size_t capacity() const;
    int rebuilds() const { return rebuilds_; }

  private:
    struct Graph;
    void checkDimension(std::span<const float> vector) const;
    void rebuild();

    std::size_t dimension_;
    HnswParams params_;
    std::unique_ptr<Graph> graph_;
    int rebuilds_ = 0;
};

} // namespace ts::cache
