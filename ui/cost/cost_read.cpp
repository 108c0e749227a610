#include "cost/cost_read.h"

#include <algorithm>

namespace ts::ui::costpanel {

namespace {

using analytics::BudgetWindow;

// The rollups answer whole hours; the trace list is widened to the same hours, so the dearest
// traces are among those the totals count.
TraceFilter wholeHours(TraceFilter filter)
{
    if (filter.since)
        filter.since = rollupHourOf(*filter.since) * kRollupBucketNs;
    if (filter.until)
        filter.until = (rollupHourOf(*filter.until - 1) + 1) * kRollupBucketNs;
    return filter;
}

bool readRange(TraceReader& reader, const CostRequest& request, CostAnalysis& analysis, const CancelToken& token)
{
    analytics::RollupCube cube(request.granularity, request.dimension);
    // Users and tags live only in the full rollups; every other grouping reads the model-level ones.
    const bool needsFull =
        request.dimension == analytics::Dimension::User || request.dimension == analytics::Dimension::Tag;
    const bool done = reader.rollups(
        request.filter, false,
        [&](const RollupRow& row) {
            cube.add(row);
            ++analysis.rollupRows;
        },
        &token, needsFull ? RollupDetail::Full : RollupDetail::ModelLevel);
    if (!done)
        return false;
    const std::vector<std::int64_t> seen = cube.buckets();
    const std::int64_t nowHour = rollupHourOf(request.now);
    const std::int64_t first = request.filter.since ? rollupHourOf(*request.filter.since)
                                                    : (seen.empty() ? nowHour : seen.front());
    // Up to now (or a little past it, for a clock that runs ahead), never past the filter's end.
    std::int64_t last = seen.empty() ? nowHour : std::max(nowHour, seen.back());
    if (request.filter.until)
        last = std::min(last, rollupHourOf(*request.filter.until - 1));
    fillRange(analysis, cube, first, std::max(first, last));
    return true;
}

std::optional<analytics::BudgetBurn> project(TraceReader& reader, const TraceFilter& filter, BudgetWindow window,
                                             double limitUsd, Nanos now, std::int64_t& rows, const CancelToken& token)
{
    const Nanos start = analytics::budgetPeriodOf(window, now).first;
    std::vector<double> hourly = hourlySpend(reader, filter, start, now, rows, token);
    if (token.cancelled())
        return std::nullopt;
    return analytics::projectBudget(window, limitUsd, now, hourly);
}

} // namespace

std::vector<double> hourlySpend(TraceReader& reader, const TraceFilter& filter, Nanos periodStart, Nanos now,
                                std::int64_t& rowsRead, const CancelToken& token)
{
    const std::int64_t firstHour = rollupHourOf(periodStart);
    std::vector<double> hourly(static_cast<std::size_t>(std::max<std::int64_t>(0, rollupHourOf(now) - firstHour + 1)));
    TraceFilter f = filter;
    f.since = periodStart;
    f.until.reset();
    reader.rollups(
        f, false,
        [&](const RollupRow& row) {
            ++rowsRead;
            const std::int64_t h = row.key.hour - firstHour;
            if (h >= 0 && static_cast<std::size_t>(h) < hourly.size())
                hourly[static_cast<std::size_t>(h)] += row.m.costUsd;
        },
        &token, RollupDetail::ModelLevel); // a user or tag budget's filter reads the full table anyway
    return hourly;
}

std::shared_ptr<const CostAnalysis> readCost(TraceReader& reader, const CostRequest& request,
                                             const CancelToken& token)
{
    auto analysis = std::make_shared<CostAnalysis>();
    analysis->request = request;
    if (!readRange(reader, request, *analysis, token))
        return nullptr;
    // The month follows the filter's keys but not its range: the projection is of this calendar month.
    const auto month =
        project(reader, request.filter, BudgetWindow::Month, 0, request.now, analysis->rollupRows, token);
    if (!month)
        return nullptr;
    analysis->month = *month;
    const BudgetChoice& budget = request.budget;
    analysis->budget.budget = budget;
    if (budget.countable()) {
        const Nanos start = analytics::budgetPeriodOf(budget.window, request.now).first;
        analysis->budget.burn = project(reader, budgetFilter(budget, start), budget.window, budget.limitUsd,
                                        request.now, analysis->rollupRows, token);
        if (!analysis->budget.burn)
            return nullptr;
    }
    analysis->topTraces = reader.page(wholeHours(request.filter), TraceOrder{TraceOrderKey::Cost, true}, 0,
                                      request.topTraces);
    if (token.cancelled())
        return nullptr;
    return analysis;
}

} // namespace ts::ui::costpanel
