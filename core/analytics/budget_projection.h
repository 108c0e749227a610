#pragma once
#include "model/time.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace ts::analytics {

// A budget period's burn-down: what was spent by each hour so far, and where the spend is heading
// at the pace of the recent past. Calendar periods in UTC, as the gateway's budgets count them.
struct BudgetBurn
{
    Nanos periodStart = 0, periodEnd = 0, now = 0;
    double limitUsd = 0;
    double spentUsd = 0;
    double projectedUsd = 0;    // at the end of the period, at the recent pace
    double pacePerDayUsd = 0;   // the recent pace
    std::optional<Nanos> runsOutAt; // when the projection crosses the limit, if it does before the end
    // Cumulative spend at the end of each elapsed hour of the period, from its first hour.
    std::vector<double> cumulativeByHour;

    double remainingUsd() const { return limitUsd - spentUsd; }
    bool overBudget() const { return spentUsd > limitUsd; }
};

enum class BudgetWindow { Day, Month };

// The period of `window` that holds `now` (UTC calendar day or month).
std::pair<Nanos, Nanos> budgetPeriodOf(BudgetWindow window, Nanos now);

// `hourlySpend`: spend per hour since periodStart (index 0 = the first hour), up to now.
// The pace is the mean hourly spend of the last `paceHours` elapsed hours (or all of them, if fewer).
BudgetBurn projectBudget(BudgetWindow window, double limitUsd, Nanos now, const std::vector<double>& hourlySpend,
                         int paceHours = 72);

} // namespace ts::analytics
