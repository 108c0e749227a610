#include "analytics/latency_summary.h"

#include <algorithm>

namespace ts::analytics {

namespace {

LatencyGroup groupOf(const std::string& name, const Aggregate& a)
{
    LatencyGroup g;
    g.name = name;
    g.requests = a.sums.requests;
    for (std::size_t q = 0; q < kLatencyQuantiles.size(); ++q)
        g.quantiles[q] = a.latency.quantile(kLatencyQuantiles[q]);
    g.ttftP50 = a.ttft.quantile(0.5);
    g.ttftP95 = a.ttft.quantile(0.95);
    g.tpotP50 = a.tpot.quantile(0.5);
    g.errorRate = a.errorRate();
    g.phases = phaseMeans(a);
    return g;
}

void fillSeries(LatencyGroup& g, const RollupCube& cube, const std::vector<std::int64_t>& buckets, bool overall)
{
    for (auto& s : g.series)
        s.assign(buckets.size(), 0.0);
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        Aggregate merged;
        const Aggregate* cell = nullptr;
        if (overall) {
            for (const auto& [name, ignored] : cube.groups())
                if (const Aggregate* c = cube.cell(buckets[b], name))
                    merged.merge(*c);
            cell = &merged;
        } else {
            cell = cube.cell(buckets[b], g.name);
        }
        if (!cell || cell->latency.empty())
            continue;
        for (std::size_t q = 0; q < kLatencyQuantiles.size(); ++q)
            g.series[q][b] = cell->latency.quantile(kLatencyQuantiles[q]);
    }
}

} // namespace

PhaseMeans phaseMeans(const Aggregate& a)
{
    PhaseMeans m;
    if (a.sums.requests <= 0)
        return m;
    const double n = static_cast<double>(a.sums.requests);
    const TracePhases& p = a.sums.phases;
    m.guard = p.guardMs / n;
    m.cache = p.cacheMs / n;
    m.queue = p.queueMs / n;
    m.network = p.networkMs / n;
    m.generation = p.generationMs / n;
    m.tools = p.toolsMs / n;
    m.other = p.otherMs / n;
    return m;
}

LatencySummary summarizeLatency(const RollupCube& cube, std::size_t maxGroups, double p95SloMs)
{
    LatencySummary s;
    s.granularity = cube.granularity();
    s.buckets = cube.buckets();
    s.overall = groupOf("", cube.total());
    // With Tag groups the total is not the sum of groups, so overall buckets come from the cells of
    // one dimension value per row: merge every group only when groups partition the rows.
    const bool partition = cube.dimension() != Dimension::Tag;
    if (partition)
        fillSeries(s.overall, cube, s.buckets, true);
    s.latency = cube.total().latency;
    s.tpot = cube.total().tpot;
    s.ttft = cube.total().ttft;
    auto busiest = [](const Aggregate& a) { return static_cast<double>(a.sums.requests); };
    for (const std::string& name : cube.groupsBy(busiest)) {
        if (s.groups.size() >= maxGroups)
            break;
        LatencyGroup g = groupOf(name, cube.groups().at(name));
        fillSeries(g, cube, s.buckets, false);
        s.groups.push_back(std::move(g));
    }
    if (p95SloMs > 0 && partition)
        for (double p95 : s.overall.series[2])
            s.bucketsOverSlo += p95 > p95SloMs ? 1 : 0;
    return s;
}

std::vector<HistogramBar> coarseBars(const LogHistogram& h, std::size_t bars)
{
    std::vector<HistogramBar> out;
    const auto& counts = h.counts();
    std::size_t first = counts.size(), last = 0;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0) {
            first = std::min(first, i);
            last = i;
        }
    if (first > last || bars == 0)
        return out;
    const std::size_t span = last - first + 1;
    const std::size_t per = (span + bars - 1) / bars;
    for (std::size_t from = first; from <= last; from += per) {
        HistogramBar bar;
        const std::size_t to = std::min(last, from + per - 1);
        bar.from = LogHistogram::lowerBound(static_cast<int>(from));
        bar.to = LogHistogram::upperBound(static_cast<int>(to));
        for (std::size_t i = from; i <= to; ++i)
            bar.count += counts[i];
        out.push_back(bar);
    }
    return out;
}

} // namespace ts::analytics
