#include "cache/embedding_math.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace ts::cache {

// Eight running sums: independent lanes the compiler can vectorise without -ffast-math reordering
// one sum (the brute-force scan does this 100,000 times a query in bench/cache_bench).
float dotProduct(std::span<const float> a, std::span<const float> b)
{
    const std::size_t n = std::min(a.size(), b.size());
    std::array<float, 8> lanes{};
    std::size_t i = 0;
    for (; i + lanes.size() <= n; i += lanes.size())
        for (std::size_t l = 0; l < lanes.size(); ++l)
            lanes[l] += a[i + l] * b[i + l];
    float sum = std::accumulate(lanes.begin(), lanes.end(), 0.0f);
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

bool normaliseInPlace(std::vector<float>& v)
{
    double squares = 0;
    for (const float x : v)
        squares += static_cast<double>(x) * x;
    if (squares == 0)
        return false;
    const double scale = 1.0 / std::sqrt(squares);
    for (float& x : v)
        x = static_cast<float>(x * scale);
    return true;
}

} // namespace ts::cache
