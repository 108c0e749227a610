#include "cost/cost_analysis.h"

#include <algorithm>

namespace ts::ui::costpanel {

double CostFigures::costPerThousand() const
{
    return requests > 0 ? costUsd * 1000.0 / static_cast<double>(requests) : 0.0;
}

double CostFigures::savedShareOfSpend() const { return costUsd > 0 ? cacheSavedUsd / costUsd : 0.0; }

void CostFigures::add(const RollupMeasures& m)
{
    costUsd += m.costUsd;
    cacheSavedUsd += m.cacheSavedUsd;
    requests += m.requests;
    tokens += m.inputTokens + m.outputTokens;
}

double CostAnalysis::spend(const std::string& group, std::int64_t bucketStartHour) const
{
    const auto it = spendByGroup.find(group);
    const auto at = std::find(buckets.begin(), buckets.end(), bucketStartHour);
    if (it == spendByGroup.end() || at == buckets.end())
        return 0.0;
    return it->second[static_cast<std::size_t>(at - buckets.begin())];
}

const GroupFigures* CostAnalysis::group(const std::string& name) const
{
    const auto it = std::find_if(groups.begin(), groups.end(), [&](const GroupFigures& g) { return g.name == name; });
    return it == groups.end() ? nullptr : &*it;
}

void fillRange(CostAnalysis& analysis, const analytics::RollupCube& cube, std::int64_t firstHour,
               std::int64_t lastHour)
{
    const auto granularity = cube.granularity();
    analysis.totals = {};
    analysis.totals.add(cube.total().sums);
    analysis.buckets.clear();
    const std::int64_t last = analytics::bucketHour(lastHour, granularity);
    const std::int64_t step = analytics::hoursPer(granularity);
    for (std::int64_t b = analytics::bucketHour(firstHour, granularity); b <= last; b += step)
        analysis.buckets.push_back(b);
    analysis.groups.clear();
    analysis.spendByGroup.clear();
    for (const std::string& name : cube.groupsBy([](const analytics::Aggregate& a) { return a.sums.costUsd; })) {
        GroupFigures g{name, {}, 0.0};
        g.figures.add(cube.groups().at(name).sums);
        g.share = analysis.totals.costUsd > 0 ? g.figures.costUsd / analysis.totals.costUsd : 0.0;
        analysis.groups.push_back(std::move(g));
        auto& perBucket = analysis.spendByGroup[name];
        for (std::int64_t bucket : analysis.buckets) {
            const analytics::Aggregate* cell = cube.cell(bucket, name);
            perBucket.push_back(cell ? cell->sums.costUsd : 0.0);
        }
    }
}

std::optional<Nanos> limitPassedAt(const analytics::BudgetBurn& burn)
{
    if (burn.limitUsd <= 0)
        return std::nullopt;
    for (std::size_t h = 0; h < burn.cumulativeByHour.size(); ++h)
        if (burn.cumulativeByHour[h] > burn.limitUsd)
            return std::min(burn.now, burn.periodStart + static_cast<Nanos>(h + 1) * kRollupBucketNs);
    return burn.runsOutAt;
}

} // namespace ts::ui::costpanel
