#include "cache/embedding_scan.h"

#include "cache/embedding_math.h"

#include <algorithm>

namespace ts::cache {

void FlatVectors::add(std::uint64_t label, std::span<const float> vector)
{
    labels_.push_back(label);
    values_.insert(values_.end(), vector.begin(), vector.begin() + static_cast<std::ptrdiff_t>(dimension_));
}

std::vector<Neighbour> FlatVectors::scan(std::span<const float> query, std::size_t k) const
{
    std::vector<Neighbour> all(labels_.size());
    for (std::size_t i = 0; i < labels_.size(); ++i)
        all[i] = {labels_[i], dotProduct(query, std::span(values_).subspan(i * dimension_, dimension_))};
    const auto byScore = [](const Neighbour& a, const Neighbour& b) { return a.similarity > b.similarity; };
    const std::size_t n = std::min(k, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), byScore);
    all.resize(n);
    return all;
}

} // namespace ts::cache
