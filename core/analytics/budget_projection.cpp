#include "analytics/budget_projection.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <tuple>

namespace ts::analytics {

namespace {

constexpr Nanos kHour = 3'600'000'000'000;

Nanos toNanos(std::chrono::sys_days day)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(day.time_since_epoch()).count();
}

} // namespace

std::pair<Nanos, Nanos> budgetPeriodOf(BudgetWindow window, Nanos now)
{
    using namespace std::chrono;
    const auto day = floor<days>(sys_time<nanoseconds>(nanoseconds(now)));
    if (window == BudgetWindow::Day)
        return {toNanos(day), toNanos(day + days(1))};
    const year_month_day ymd(day);
    const year_month first = ymd.year() / ymd.month();
    const year_month next = first + months(1);
    return {toNanos(sys_days(first / 1)), toNanos(sys_days(next / 1))};
}

BudgetBurn projectBudget(BudgetWindow window, double limitUsd, Nanos now, const std::vector<double>& hourlySpend,
                         int paceHours)
{
    BudgetBurn burn;
    std::tie(burn.periodStart, burn.periodEnd) = budgetPeriodOf(window, now);
    burn.now = now;
    burn.limitUsd = limitUsd;
    const auto elapsedHours = static_cast<std::size_t>(std::max<Nanos>(0, (now - burn.periodStart + kHour - 1) / kHour));
    double total = 0;
    for (std::size_t h = 0; h < elapsedHours; ++h) {
        total += h < hourlySpend.size() ? hourlySpend[h] : 0.0;
        burn.cumulativeByHour.push_back(total);
    }
    burn.spentUsd = total;
    // Pace: spend over the last paceHours (or the whole period so far), per hour actually elapsed,
    // so five minutes into a day the pace is not taken as a full hour's.
    const std::size_t paceCount = std::min<std::size_t>(elapsedHours, static_cast<std::size_t>(std::max(paceHours, 1)));
    const std::size_t firstPaceHour = elapsedHours - paceCount;
    double recent = 0;
    for (std::size_t h = firstPaceHour; h < elapsedHours; ++h)
        recent += h < hourlySpend.size() ? hourlySpend[h] : 0.0;
    const double paceSpanHours =
        static_cast<double>(now - (burn.periodStart + static_cast<Nanos>(firstPaceHour) * kHour)) / static_cast<double>(kHour);
    const double perHour = paceSpanHours > 0 ? recent / paceSpanHours : 0.0;
    burn.pacePerDayUsd = perHour * 24.0;
    const double hoursLeft = static_cast<double>(std::max<Nanos>(0, burn.periodEnd - now)) / static_cast<double>(kHour);
    burn.projectedUsd = total + perHour * hoursLeft;
    if (limitUsd > 0 && total < limitUsd && perHour > 0 && burn.projectedUsd > limitUsd) {
        const double hoursToLimit = (limitUsd - total) / perHour;
        burn.runsOutAt = now + static_cast<Nanos>(hoursToLimit * static_cast<double>(kHour));
    } else if (limitUsd > 0 && total >= limitUsd) {
        burn.runsOutAt = now; // already spent
    }
    return burn;
}

} // namespace ts::analytics
