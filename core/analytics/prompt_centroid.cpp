#include "analytics/prompt_centroid.h"

#include "cache/lexical_embedder.h"

namespace ts::analytics {

namespace {

struct Mean
{
    std::vector<double> sum = std::vector<double>(cache::kLexicalDimensions, 0.0);
    std::size_t count = 0;

    void add(const std::vector<float>& v)
    {
        for (std::size_t i = 0; i < v.size() && i < sum.size(); ++i)
            sum[i] += v[i];
        ++count;
    }
    std::vector<double> value() const
    {
        std::vector<double> out = sum;
        for (double& x : out)
            x /= count > 0 ? static_cast<double>(count) : 1.0;
        return out;
    }
};

bool hasWords(const std::vector<float>& v)
{
    for (const float x : v)
        if (x != 0.0f)
            return true;
    return false;
}

std::vector<std::vector<float>> vectorsOf(const std::vector<std::string>& texts)
{
    std::vector<std::vector<float>> out;
    out.reserve(texts.size());
    for (const std::string& text : texts)
        if (auto v = cache::lexicalVector(text); hasWords(v))
            out.push_back(std::move(v));
    return out;
}

} // namespace

CentroidSample promptCentroids(const std::vector<std::string>& baseline, const std::vector<std::string>& current)
{
    const auto before = vectorsOf(baseline);
    Mean all, early, late, now;
    for (std::size_t i = 0; i < before.size(); ++i) {
        all.add(before[i]);
        (i < before.size() / 2 ? early : late).add(before[i]);
    }
    for (const auto& v : vectorsOf(current))
        now.add(v);
    CentroidSample s;
    s.baseline = all.value();
    s.current = now.value();
    s.baselineHalfA = early.value();
    s.baselineHalfB = late.value();
    s.baselineCount = all.count;
    s.currentCount = now.count;
    s.halfACount = early.count;
    s.halfBCount = late.count;
    return s;
}

} // namespace ts::analytics
