#pragma once
#include "model/log_histogram.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ts::analytics {

// Population Stability Index of `current` against `baseline`, over about `bins` bins cut at the
// baseline's quantiles (log buckets merged), and a bin each for values below and above all of the
// baseline's. Each bin's count gets half a request added before the
// shares are taken, so a bin a small window happens to leave empty does not read as a collapse. Rule of
// thumb (used for the thresholds in drift_report.h): < 0.1 stable, 0.1-0.25 moderate, > 0.25 large.
double psi(const LogHistogram& baseline, const LogHistogram& current, int bins = 10);
// How many bins psi() cuts for these two (fewer than asked when the baseline sits in few buckets).
int psiBinCount(const LogHistogram& baseline, const LogHistogram& current, int bins = 10);
// The PSI that two samples of one distribution, of n and m values over `bins` bins, stay under 999 times
// in 1000: n m / (n + m) * PSI is about chi-square with bins - 1 degrees of freedom. A window of a few
// dozen requests reaches PSI 0.2 by chance alone (the expected value is about (bins - 1) (1/n + 1/m)),
// so the alarm needs both this and the rule of thumb.
double psiNoiseLimit(int bins, std::int64_t n, std::int64_t m);
// PSI of a yes/no rate (errors, refusals, cache hits): two bins.
double psiOfRate(double baselineRate, double currentRate);

struct KsResult
{
    double d = 0;      // largest gap between the two empirical CDFs (bucket resolution)
    double pValue = 1; // asymptotic Kolmogorov distribution, with Stephens' small-sample correction
};
KsResult kolmogorovSmirnov(const LogHistogram& baseline, const LogHistogram& current);

// Two-proportion z statistic (pooled): how many standard errors apart two rates are.
double proportionZ(std::int64_t baselineHits, std::int64_t baselineTotal, std::int64_t currentHits,
                   std::int64_t currentTotal);

// 1 - cosine similarity of two centroids (0: same direction); 0 when either is all zeros.
double centroidShift(const std::vector<double>& a, const std::vector<double>& b);

} // namespace ts::analytics
