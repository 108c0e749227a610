#pragma once
#include <span>
#include <vector>

namespace ts::cache {

// Vectors in the semantic cache are L2-normalised, so their inner product is their cosine similarity.
float dotProduct(std::span<const float> a, std::span<const float> b);

// Scales v to unit length; returns false (and leaves v alone) when it is all zeros.
bool normaliseInPlace(std::vector<float>& v);

} // namespace ts::cache
