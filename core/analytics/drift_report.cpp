#include "analytics/drift_report.h"

#include "analytics/drift_stats.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace ts::analytics {

namespace {

struct DistributionSpec
{
    const char* id;
    const char* name;
    const char* unit;
    const LogHistogram Aggregate::*histogram;
};

struct RateSpec
{
    const char* id;
    const char* name;
    std::int64_t RollupMeasures::*hits;
};

const DistributionSpec kDistributions[] = {
    {"prompt_tokens", "Prompt tokens", "tokens", &Aggregate::input},
    {"output_tokens", "Output tokens", "tokens", &Aggregate::output},
    {"latency", "Latency", "ms", &Aggregate::latency},
};

const RateSpec kRates[] = {
    {"error_rate", "Error rate", &RollupMeasures::errors},
    {"refusal_rate", "Refusal rate", &RollupMeasures::refusals},
    {"cache_hit_rate", "Cache hit rate", &RollupMeasures::cacheHits},
    {"guard_rate", "Guardrail findings", &RollupMeasures::guardFlagged},
};

[[gnu::format(printf, 1, 2)]] std::string format(const char* pattern, ...)
{
    char buffer[256];
    va_list args;
    va_start(args, pattern);
    std::vsnprintf(buffer, sizeof buffer, pattern, args);
    va_end(args);
    return buffer;
}

std::string changeText(double from, double to)
{
    if (from <= 0)
        return "";
    const double percent = (to - from) / from * 100.0;
    return std::abs(percent) < 0.5 ? " (±0%)" : format(" (%+.0f%%)", percent);
}

// A distribution can drift with its median in place (wider, or two-humped): then it changed shape.
const char* movement(const DriftMetric& m)
{
    if (!m.drifted)
        return "steady";
    if (std::abs(m.current - m.baseline) < 0.03 * std::max(m.baseline, 1e-9))
        return "changed shape";
    return m.current > m.baseline ? "grew" : "shrank";
}

// 12,345: digits grouped as the UI groups them.
std::string grouped(double value)
{
    std::string digits = format("%.0f", value);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0 && std::isdigit(digits[at - 1]); at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

std::string valueText(double value, const char* unit)
{
    if (std::string_view(unit) == "ms" && value >= 1000)
        return format("%.2f s", value / 1000.0);
    return value >= 100 ? grouped(value) + " " + unit : format("%.1f %s", value, unit);
}

DriftMetric distribution(const DistributionSpec& spec, const Aggregate& base, const Aggregate& cur)
{
    DriftMetric m;
    m.id = spec.id;
    m.name = spec.name;
    m.kind = DriftKind::Distribution;
    const LogHistogram& a = base.*spec.histogram;
    const LogHistogram& b = cur.*spec.histogram;
    m.baseline = a.quantile(0.5);
    m.current = b.quantile(0.5);
    m.judged = a.total() >= kMinRequests && b.total() >= kMinRequests;
    if (!m.judged) {
        m.sentence = m.name + ": too little traffic to judge";
        return m;
    }
    m.psi = psi(a, b);
    const KsResult ks = kolmogorovSmirnov(a, b);
    m.ksD = ks.d;
    m.ksP = ks.pValue;
    m.psiAlarm = std::max(kPsiAlarm, psiNoiseLimit(psiBinCount(a, b), a.total(), b.total()));
    m.drifted = m.psi >= m.psiAlarm || (m.ksP < kKsAlpha && m.ksD >= kKsMinGap);
    m.sentence = m.name + " " + movement(m) + ": median " + valueText(m.baseline, spec.unit) + " → " +
                 valueText(m.current, spec.unit) + changeText(m.baseline, m.current) +
                 format(", PSI %.2f, KS D %.2f", m.psi, m.ksD);
    return m;
}

DriftMetric rate(const RateSpec& spec, const Aggregate& base, const Aggregate& cur)
{
    DriftMetric m;
    m.id = spec.id;
    m.name = spec.name;
    m.kind = DriftKind::Rate;
    const std::int64_t hitsA = base.sums.*spec.hits, hitsB = cur.sums.*spec.hits;
    const std::int64_t nA = base.sums.requests, nB = cur.sums.requests;
    m.baseline = nA > 0 ? static_cast<double>(hitsA) / static_cast<double>(nA) : 0;
    m.current = nB > 0 ? static_cast<double>(hitsB) / static_cast<double>(nB) : 0;
    m.judged = nA >= kMinRequests && nB >= kMinRequests;
    if (!m.judged) {
        m.sentence = m.name + ": too little traffic to judge";
        return m;
    }
    m.psi = psiOfRate(m.baseline, m.current);
    m.z = proportionZ(hitsA, nA, hitsB, nB);
    const double change = std::abs(m.current - m.baseline);
    m.drifted = std::abs(m.z) >= kRateMinZ && (change >= kRateMinChange || change >= 0.25 * m.baseline);
    const char* verb = !m.drifted ? "steady" : m.current > m.baseline ? "rose" : "fell";
    m.sentence = m.name + " " + verb + format(": %.1f%% → %.1f%%", m.baseline * 100, m.current * 100) +
                 format(" (z %.1f, PSI %.2f)", m.z, m.psi);
    return m;
}

// The halves' shift, and more when the windows hold fewer prompts than the halves: the sampling part
// of 1 - cosine between two means grows as 1/a + 1/b. Without the scaling, a small current window
// against a large baseline reads its own sampling noise as a topic change.
double centroidNoiseFloor(const CentroidSample& s)
{
    const double halves = centroidShift(s.baselineHalfA, s.baselineHalfB);
    const double a = static_cast<double>(s.halfACount ? s.halfACount : s.baselineCount / 2);
    const double b = static_cast<double>(s.halfBCount ? s.halfBCount : s.baselineCount - s.baselineCount / 2);
    if (a <= 0 || b <= 0)
        return halves;
    const double windows = 1.0 / static_cast<double>(s.baselineCount) + 1.0 / static_cast<double>(s.currentCount);
    return std::max(halves, halves * windows / (1.0 / a + 1.0 / b));
}

DriftMetric centroid(const CentroidSample& s)
{
    DriftMetric m;
    m.id = "prompt_centroid";
    m.name = "Prompt topics";
    m.kind = DriftKind::Centroid;
    m.judged = s.baselineCount >= static_cast<std::size_t>(kMinRequests) &&
               s.currentCount >= static_cast<std::size_t>(kMinRequests);
    if (!m.judged) {
        m.sentence = m.name + ": too few prompts to judge";
        return m;
    }
    m.shift = centroidShift(s.baseline, s.current);
    m.noiseFloor = centroidNoiseFloor(s);
    m.drifted = m.shift >= std::max(kCentroidMinShift, 3.0 * m.noiseFloor);
    m.sentence = m.name + (m.drifted ? " moved" : " steady") +
                 format(": centroid shift %.3f (baseline's own spread %.3f)", m.shift, m.noiseFloor);
    return m;
}

} // namespace

const std::vector<std::string>& driftMetricIds()
{
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> out;
        for (const auto& d : kDistributions)
            out.emplace_back(d.id);
        for (const auto& r : kRates)
            out.emplace_back(r.id);
        out.emplace_back("prompt_centroid");
        return out;
    }();
    return ids;
}

DriftMetric compareMetric(std::string_view id, const Aggregate& baseline, const Aggregate& current)
{
    for (const auto& d : kDistributions)
        if (id == d.id)
            return distribution(d, baseline, current);
    for (const auto& r : kRates)
        if (id == r.id)
            return rate(r, baseline, current);
    return {};
}

const LogHistogram* metricHistogram(std::string_view id, const Aggregate& aggregate)
{
    for (const auto& d : kDistributions)
        if (id == d.id)
            return &(aggregate.*d.histogram);
    return nullptr;
}

double metricLevel(std::string_view id, const Aggregate& aggregate)
{
    if (const LogHistogram* h = metricHistogram(id, aggregate))
        return h->quantile(0.5);
    for (const auto& r : kRates)
        if (id == r.id)
            return aggregate.sums.requests > 0 ? static_cast<double>(aggregate.sums.*r.hits) /
                                                     static_cast<double>(aggregate.sums.requests)
                                               : 0.0;
    return 0;
}

const DriftMetric* DriftReport::metric(std::string_view id) const
{
    for (const DriftMetric& m : metrics)
        if (m.id == id)
            return &m;
    return nullptr;
}

std::vector<std::string> DriftReport::driftedIds() const
{
    std::vector<std::string> out;
    for (const DriftMetric& m : metrics)
        if (m.drifted)
            out.push_back(m.id);
    return out;
}

DriftReport compareWindows(const Aggregate& baseline, const Aggregate& current,
                           const std::optional<CentroidSample>& centroids)
{
    DriftReport report;
    report.baselineRequests = baseline.sums.requests;
    report.currentRequests = current.sums.requests;
    for (const auto& d : kDistributions)
        report.metrics.push_back(distribution(d, baseline, current));
    for (const auto& r : kRates)
        report.metrics.push_back(rate(r, baseline, current));
    if (centroids)
        report.metrics.push_back(centroid(*centroids));
    std::string drifted;
    int judged = 0;
    for (const DriftMetric& m : report.metrics) {
        judged += m.judged ? 1 : 0;
        if (m.drifted)
            drifted += (drifted.empty() ? "" : " ") + m.sentence + ".";
    }
    if (report.baselineRequests < kMinRequests || report.currentRequests < kMinRequests)
        report.summary = format("Too little traffic to judge drift: %lld requests in the baseline, %lld now "
                                "(at least %lld each).",
                                static_cast<long long>(report.baselineRequests),
                                static_cast<long long>(report.currentRequests), static_cast<long long>(kMinRequests));
    else if (drifted.empty())
        report.summary = format("Nothing drifted: all %d metrics within thresholds.", judged);
    else
        report.summary = drifted;
    return report;
}

} // namespace ts::analytics
