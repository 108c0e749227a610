#pragma once
#include "model/time.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

namespace ts {

// Who a budget is for: a virtual key, a user, a tag or a project ("user", "alice").
struct BudgetScope
{
    std::string kind; // "key", "user", "tag", "project"
    std::string name;

    auto operator<=>(const BudgetScope&) const = default;
};

enum class BudgetPeriod { Day, Month }; // calendar days and months in UTC
std::string_view budgetPeriodName(BudgetPeriod period);

struct Budget
{
    BudgetScope scope;
    BudgetPeriod period = BudgetPeriod::Day;
    double limitUsd = 0;
};

// Money held against budgets: every request reserves its worst-case cost (prompt priced exactly,
// the reply at its max tokens) under each budget it falls under before it is sent, all or nothing,
// and settles to what it really cost when it ends. Concurrent and streaming requests therefore
// cannot overspend: a request is refused unless spent + held + its worst case fits every budget.
// Thread-safe; time comes from the caller.
class BudgetLedger
{
public:
    void setBudgets(std::vector<Budget> budgets);
    // Spending already recorded this period (from the workspace, at start-up).
    void addSpent(const BudgetScope& scope, BudgetPeriod period, Nanos at, double usd);

    struct Reservation
    {
        std::uint64_t id = 0;
        double heldUsd = 0;
    };
    struct Refusal
    {
        Budget budget;
        double spentUsd = 0;
        double heldUsd = 0; // by requests in flight
        double neededUsd = 0;
        Nanos resetsAt = 0; // the start of the next period
        std::string describe() const; // "user alice's daily budget of $5.00: $4.91 spent, ..."
    };
    std::variant<Reservation, Refusal> reserve(const std::vector<BudgetScope>& scopes, double worstCaseUsd, Nanos now);
    // Releases the hold and records what the request really cost, in the period it started in.
    void settle(const Reservation& reservation, double actualUsd);

    struct Status
    {
        Budget budget;
        double spentUsd = 0;
        double heldUsd = 0;
        Nanos periodStart = 0;
        Nanos resetsAt = 0;
    };
    std::vector<Status> status(Nanos now) const;

    static Nanos periodStart(BudgetPeriod period, Nanos at);
    static Nanos periodEnd(BudgetPeriod period, Nanos at);

private:
    // spending per (scope, period, start of that period)
    using Bucket = std::tuple<BudgetScope, BudgetPeriod, Nanos>;
    struct Amounts
    {
        double spent = 0;
        double held = 0;
    };
    struct Hold
    {
        std::vector<Bucket> buckets;
        double usd = 0;
    };

    mutable std::mutex mutex_;
    std::vector<Budget> budgets_;
    std::map<Bucket, Amounts> amounts_;
    std::map<std::uint64_t, Hold> holds_;
    std::uint64_t nextId_ = 1;
};

} // namespace ts
