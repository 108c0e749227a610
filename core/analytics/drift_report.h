#pragma once
#include "analytics/rollup_cube.h"

#include <optional>
#include <string>
#include <vector>

namespace ts::analytics {

// Thresholds: a distribution drifted when PSI reaches kPsiAlarm and more than chance gives windows of
// their sizes (psiNoiseLimit), or when KS says the two differ (p below kKsAlpha) by a gap of at least
// kKsMinGap; a rate when it moved kRateMinZ standard errors and by at least kRateMinChange (absolute)
// or a quarter of its baseline; the prompt centroid when it moved more than three times the spread seen
// between two halves of the baseline (scaled to the windows' sample sizes).
inline constexpr double kPsiAlarm = 0.2;
inline constexpr double kKsAlpha = 0.001;
inline constexpr double kKsMinGap = 0.1;
inline constexpr double kRateMinZ = 3.3;
inline constexpr double kRateMinChange = 0.01;
inline constexpr double kCentroidMinShift = 0.02;
inline constexpr std::int64_t kMinRequests = 30; // per window, below it nothing is judged

enum class DriftKind { Distribution, Rate, Centroid };

struct DriftMetric
{
    std::string id;   // prompt_tokens, output_tokens, latency, error_rate, refusal_rate, cache_hit_rate,
                      // guard_rate, prompt_centroid
    std::string name; // "Prompt tokens", ...
    DriftKind kind = DriftKind::Distribution;
    double baseline = 0; // median (distributions), rate (0..1), 0 (centroid)
    double current = 0;
    double psi = 0;
    double psiAlarm = 0; // distributions: the PSI that would have raised the alarm for windows this size
    double ksD = 0, ksP = 1;
    double z = 0;          // rates
    double shift = 0;      // centroid: 1 - cosine
    double noiseFloor = 0; // centroid: the baseline's own spread, scaled to the two windows' sample sizes
    bool judged = false;   // enough traffic in both windows
    bool drifted = false;
    std::string sentence; // one line: what moved and how much
};

// The prompts' embedding centroids of both windows, and of two halves of the baseline (noise floor).
struct CentroidSample
{
    std::vector<double> baseline, current, baselineHalfA, baselineHalfB;
    std::size_t baselineCount = 0, currentCount = 0;
    std::size_t halfACount = 0, halfBCount = 0; // 0: half of baselineCount each
};

struct DriftReport
{
    std::vector<DriftMetric> metrics;
    std::int64_t baselineRequests = 0, currentRequests = 0;
    std::string summary; // "Prompt tokens and latency drifted: ..." or "Nothing drifted: ..."

    const DriftMetric* metric(std::string_view id) const;
    std::vector<std::string> driftedIds() const;
};

DriftReport compareWindows(const Aggregate& baseline, const Aggregate& current,
                           const std::optional<CentroidSample>& centroids = std::nullopt);

// One metric only, for a time series of daily checks against the baseline.
DriftMetric compareMetric(std::string_view id, const Aggregate& baseline, const Aggregate& current);

// The ids compareWindows() reports, in order (the centroid last, when sampled).
const std::vector<std::string>& driftMetricIds();

// The histogram a distribution metric reads (nullptr for rates and the centroid), and a metric's level in
// one aggregate as compareWindows() reports it: a distribution's median, a rate's share (0..1).
const LogHistogram* metricHistogram(std::string_view id, const Aggregate& aggregate);
double metricLevel(std::string_view id, const Aggregate& aggregate);

} // namespace ts::analytics
