#include "cache/hnsw_index.h"

#include <algorithm>
// Only this file sees hnswlib. Debian installs it under /usr/include, a system directory, so the
// compiler keeps its own warnings (sign comparisons, unused parameters) out of our -Werror build.
#include <hnswlib/hnswlib.h>
#include <stdexcept>
#include <string>

namespace ts::cache {

// The space must outlive the graph, which keeps a pointer to its distance function's parameter.
struct HnswIndex::Graph
{
    Graph(std::size_t dimension, std::size_t capacity, const HnswParams& p)
        : space(dimension), hnsw(&space, capacity, p.m, p.efConstruction)
    {
        hnsw.setEf(p.ef);
    }

    hnswlib::InnerProductSpace space;
    hnswlib::HierarchicalNSW<float> hnsw;
};

HnswIndex::HnswIndex(std::size_t dimension, HnswParams params)
    : dimension_(dimension), params_(params),
      graph_(std::make_unique<Graph>(dimension, std::max<std::size_t>(params.initialCapacity, 1), params))
{
}

HnswIndex::~HnswIndex() = default;

void HnswIndex::add(std::uint64_t label, std::span<const float> vector)
{
    checkDimension(vector);
    auto& hnsw = graph_->hnsw;
    if (hnsw.cur_element_count >= hnsw.max_elements_)
        hnsw.resizeIndex(hnsw.max_elements_ * 2);
    hnsw.addPoint(vector.data(), label);
}

bool HnswIndex::remove(std::uint64_t label)
{
    auto& hnsw = graph_->hnsw;
    const auto found = hnsw.label_lookup_.find(label);
    if (found == hnsw.label_lookup_.end() || hnsw.isMarkedDeleted(found->second))
        return false;
    hnsw.markDelete(label);
    if (static_cast<double>(hnsw.num_deleted_) >
        params_.rebuildWhenDeleted * static_cast<double>(hnsw.cur_element_count))
        rebuild();
    return true;
}

std::vector<Neighbour> HnswIndex::search(std::span<const float> query, std::size_t k) const
{
    checkDimension(query);
    auto found = graph_->hnsw.searchKnn(query.data(), k);
    std::vector<Neighbour> out(found.size());
    // The queue pops the farthest first, so it fills the result from the back.
    for (auto slot = out.rbegin(); slot != out.rend(); ++slot, found.pop())
        *slot = {found.top().second, 1.0f - found.top().first};
    return out;
}

// hnswlib reads dimension() floats from the pointer it is given, whatever the span's size.
void HnswIndex::checkDimension(std::span<const float> vector) const
{
    if (vector.size() != dimension_)
        throw std::invalid_argument("a vector of " + std::to_string(vector.size()) +
                                    " dimensions for an index of " + std::to_string(dimension_));
}

void HnswIndex::setEf(std::size_t ef)
{
    params_.ef = ef;
    graph_->hnsw.setEf(ef);
}

std::size_t HnswIndex::size() const
{
    return graph_->hnsw.cur_element_count - graph_->hnsw.num_deleted_;
}

std::size_t HnswIndex::deleted() const
{
    return graph_->hnsw.num_deleted_;
}

std::size_t HnswIndex::capacity() const
{
    return graph_->hnsw.max_elements_;
}

// A fresh graph of the live entries, their vectors read back from the old one.
void HnswIndex::rebuild()
{
    const auto& old = graph_->hnsw;
    const std::size_t live = size();
    auto fresh = std::make_unique<Graph>(dimension_, std::max(params_.initialCapacity, live * 2), params_);
    for (const auto& [label, internalId] : old.label_lookup_)
        if (!old.isMarkedDeleted(internalId))
            fresh->hnsw.addPoint(old.getDataByLabel<float>(label).data(), label);
    graph_ = std::move(fresh);
    ++rebuilds_;
}

} // namespace ts::cache
