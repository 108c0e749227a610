#include "analytics/drift_stats.h"

#include <algorithm>
#include <cmath>

namespace ts::analytics {

namespace {

constexpr double kEmptyShare = 1e-4;

double share(std::int64_t part, std::int64_t whole)
{
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

std::int64_t countAt(const LogHistogram& h, std::size_t bucket)
{
    return bucket < h.counts().size() ? std::max<std::int64_t>(h.counts()[bucket], 0) : 0;
}

// Bucket edges (exclusive ends) that split the baseline into about `bins` equal shares, with a bin of
// their own for values below the baseline's smallest and above its largest: without them a baseline
// held in one bucket leaves a current window wholly below it in the same bin, at PSI 0.
std::vector<std::size_t> quantileEdges(const LogHistogram& baseline, std::size_t buckets, int bins)
{
    std::vector<std::size_t> ends;
    std::size_t first = 0;
    while (first < buckets && countAt(baseline, first) == 0)
        ++first;
    if (first > 0)
        ends.push_back(first);
    const double step = static_cast<double>(baseline.total()) / std::max(bins, 1);
    double next = step;
    std::int64_t seen = 0;
    for (std::size_t b = first; b < buckets; ++b) {
        seen += countAt(baseline, b);
        if (static_cast<double>(seen) >= next - 1e-9) {
            ends.push_back(b + 1);
            while (next <= static_cast<double>(seen) + 1e-9)
                next += step;
        }
    }
    if (ends.empty() || ends.back() < buckets)
        ends.push_back(buckets);
    return ends;
}

double psiTerm(double expected, double actual)
{
    expected = std::max(expected, kEmptyShare);
    actual = std::max(actual, kEmptyShare);
    return (actual - expected) * std::log(actual / expected);
}

// Q_KS(x) = 2 sum (-1)^(k-1) exp(-2 k^2 x^2), the Kolmogorov distribution's upper tail.
double kolmogorovTail(double x)
{
    if (x < 0.2)
        return 1.0;
    double sum = 0;
    for (int k = 1; k <= 100; ++k) {
        const double term = std::exp(-2.0 * k * k * x * x);
        sum += (k % 2 ? 1.0 : -1.0) * term;
        if (term < 1e-12)
            break;
    }
    return std::clamp(2.0 * sum, 0.0, 1.0);
}

} // namespace

double psi(const LogHistogram& baseline, const LogHistogram& current, int bins)
{
    if (baseline.empty() || current.empty())
        return 0;
    const std::size_t buckets = std::max(baseline.counts().size(), current.counts().size());
    const std::vector<std::size_t> ends = quantileEdges(baseline, buckets, bins);
    std::vector<std::pair<std::int64_t, std::int64_t>> counts; // (baseline, current) per bin
    std::size_t from = 0;
    for (const std::size_t end : ends) {
        auto& [e, a] = counts.emplace_back(0, 0);
        for (std::size_t b = from; b < end; ++b) {
            e += countAt(baseline, b);
            a += countAt(current, b);
        }
        from = end;
    }
    const double half = 0.5, k = static_cast<double>(counts.size());
    double totalE = 0, totalA = 0;
    for (const auto& [e, a] : counts) {
        totalE += static_cast<double>(e);
        totalA += static_cast<double>(a);
    }
    double total = 0;
    for (const auto& [e, a] : counts)
        total += psiTerm((static_cast<double>(e) + half) / (totalE + half * k),
                         (static_cast<double>(a) + half) / (totalA + half * k));
    return total;
}

int psiBinCount(const LogHistogram& baseline, const LogHistogram& current, int bins)
{
    if (baseline.empty() || current.empty())
        return 0;
    const std::size_t buckets = std::max(baseline.counts().size(), current.counts().size());
    return static_cast<int>(quantileEdges(baseline, buckets, bins).size());
}

double psiNoiseLimit(int bins, std::int64_t n, std::int64_t m)
{
    if (bins < 2 || n <= 0 || m <= 0)
        return 0;
    // Wilson-Hilferty: chi-square(k) quantile ~ k (1 - 2/(9k) + z sqrt(2/(9k)))^3, z the normal quantile
    // (3.09 for 0.001; 27.9 for 9 degrees of freedom, as the tables say).
    const double k = bins - 1;
    const double z = 3.0902;
    const double chi = k * std::pow(1 - 2 / (9 * k) + z * std::sqrt(2 / (9 * k)), 3);
    const double nEff = static_cast<double>(n) * static_cast<double>(m) / static_cast<double>(n + m);
    return chi / nEff;
}

double psiOfRate(double baselineRate, double currentRate)
{
    return psiTerm(baselineRate, currentRate) + psiTerm(1.0 - baselineRate, 1.0 - currentRate);
}

KsResult kolmogorovSmirnov(const LogHistogram& baseline, const LogHistogram& current)
{
    KsResult result;
    if (baseline.empty() || current.empty())
        return result;
    const std::size_t buckets = std::max(baseline.counts().size(), current.counts().size());
    std::int64_t seenA = 0, seenB = 0;
    for (std::size_t b = 0; b < buckets; ++b) {
        seenA += countAt(baseline, b);
        seenB += countAt(current, b);
        result.d = std::max(result.d, std::abs(share(seenA, baseline.total()) - share(seenB, current.total())));
    }
    const double n = static_cast<double>(baseline.total()), m = static_cast<double>(current.total());
    const double en = std::sqrt(n * m / (n + m));
    result.pValue = kolmogorovTail((en + 0.12 + 0.11 / en) * result.d);
    return result;
}

double proportionZ(std::int64_t hitsA, std::int64_t totalA, std::int64_t hitsB, std::int64_t totalB)
{
    if (totalA <= 0 || totalB <= 0)
        return 0;
    const double pA = share(hitsA, totalA), pB = share(hitsB, totalB);
    const double pooled = share(hitsA + hitsB, totalA + totalB);
    const double se = std::sqrt(pooled * (1 - pooled) *
                                (1.0 / static_cast<double>(totalA) + 1.0 / static_cast<double>(totalB)));
    return se > 0 ? (pB - pA) / se : 0.0;
}

double centroidShift(const std::vector<double>& a, const std::vector<double>& b)
{
    double dot = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    if (na <= 0 || nb <= 0)
        return 0;
    return std::clamp(1.0 - dot / std::sqrt(na * nb), 0.0, 2.0);
}

} // namespace ts::analytics
