#include "gateway/budget_ledger.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace ts {

namespace {

using std::chrono::sys_days;

constexpr Nanos kDayNs = 86'400 * kNsPerSec;

Nanos floorDiv(Nanos a, Nanos b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

std::string money(double usd)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, usd < 0.01 && usd > 0 ? "$%.4f" : "$%.2f", usd);
    return buf;
}

} // namespace

std::string_view budgetPeriodName(BudgetPeriod period) { return period == BudgetPeriod::Day ? "daily" : "monthly"; }

Nanos BudgetLedger::periodStart(BudgetPeriod period, Nanos at)
{
    const Nanos day = floorDiv(at, kDayNs);
    if (period == BudgetPeriod::Day)
        return day * kDayNs;
    const std::chrono::year_month_day ymd{sys_days{std::chrono::days{day}}};
    const sys_days first{ymd.year() / ymd.month() / std::chrono::day{1}};
    return static_cast<Nanos>(first.time_since_epoch().count()) * kDayNs;
}

Nanos BudgetLedger::periodEnd(BudgetPeriod period, Nanos at)
{
    const Nanos start = periodStart(period, at);
    if (period == BudgetPeriod::Day)
        return start + kDayNs;
    const std::chrono::year_month_day ymd{sys_days{std::chrono::days{start / kDayNs}}};
    const auto next = ymd.year() / ymd.month() / std::chrono::day{1} + std::chrono::months{1};
    return static_cast<Nanos>(sys_days{next}.time_since_epoch().count()) * kDayNs;
}

std::string BudgetLedger::Refusal::describe() const
{
    return budget.scope.kind + " " + budget.scope.name + "'s " + std::string(budgetPeriodName(budget.period))
           + " budget of " + money(budget.limitUsd) + ": " + money(spentUsd) + " spent, " + money(heldUsd)
           + " held by requests in flight, this request may cost up to " + money(neededUsd);
}

void BudgetLedger::setBudgets(std::vector<Budget> budgets)
{
    std::lock_guard lock(mutex_);
    budgets_ = std::move(budgets);
}

void BudgetLedger::addSpent(const BudgetScope& scope, BudgetPeriod period, Nanos at, double usd)
{
    std::lock_guard lock(mutex_);
    amounts_[{scope, period, periodStart(period, at)}].spent += usd;
}

std::variant<BudgetLedger::Reservation, BudgetLedger::Refusal>
BudgetLedger::reserve(const std::vector<BudgetScope>& scopes, double worstCaseUsd, Nanos now)
{
    worstCaseUsd = std::max(0.0, worstCaseUsd);
    std::lock_guard lock(mutex_);
    Hold hold{{}, worstCaseUsd};
    for (const Budget& b : budgets_) {
        if (std::find(scopes.begin(), scopes.end(), b.scope) == scopes.end())
            continue;
        Bucket key{b.scope, b.period, periodStart(b.period, now)};
        const Amounts& a = amounts_[key];
        if (a.spent + a.held + worstCaseUsd > b.limitUsd)
            return Refusal{b, a.spent, a.held, worstCaseUsd, periodEnd(b.period, now)};
        if (std::find(hold.buckets.begin(), hold.buckets.end(), key) == hold.buckets.end())
            hold.buckets.push_back(std::move(key));
    }
    // Spending is recorded for every scope the request names, budgeted or not yet, so a budget
    // added later this period starts from the truth.
    for (const BudgetScope& s : scopes)
        for (BudgetPeriod p : {BudgetPeriod::Day, BudgetPeriod::Month}) {
            Bucket key{s, p, periodStart(p, now)};
            if (std::find(hold.buckets.begin(), hold.buckets.end(), key) == hold.buckets.end())
                hold.buckets.push_back(std::move(key));
        }
    for (const Bucket& key : hold.buckets)
        amounts_[key].held += worstCaseUsd;
    const std::uint64_t id = nextId_++;
    holds_.emplace(id, std::move(hold));
    return Reservation{id, worstCaseUsd};
}

void BudgetLedger::settle(const Reservation& reservation, double actualUsd)
{
    std::lock_guard lock(mutex_);
    auto it = holds_.find(reservation.id);
    if (it == holds_.end())
        return; // settled twice: the first one counted
    for (const Bucket& key : it->second.buckets) {
        Amounts& a = amounts_[key];
        a.held = std::max(0.0, a.held - it->second.usd);
        a.spent += std::max(0.0, actualUsd);
    }
    holds_.erase(it);
}

std::vector<BudgetLedger::Status> BudgetLedger::status(Nanos now) const
{
    std::lock_guard lock(mutex_);
    std::vector<Status> out;
    for (const Budget& b : budgets_) {
        const Nanos start = periodStart(b.period, now);
        Status s{b, 0, 0, start, periodEnd(b.period, now)};
        if (auto it = amounts_.find({b.scope, b.period, start}); it != amounts_.end()) {
            s.spentUsd = it->second.spent;
            s.heldUsd = it->second.held;
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace ts
