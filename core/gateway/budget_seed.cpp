#include "gateway/budget_seed.h"

namespace ts {

std::vector<std::string> seedBudgets(BudgetLedger& ledger, const std::vector<Budget>& budgets, TraceReader& reader,
                                     Nanos now)
{
    std::vector<std::string> unseeded;
    for (const Budget& b : budgets) {
        if (b.scope.kind != "user" && b.scope.kind != "tag") {
            unseeded.push_back(b.scope.kind + " " + b.scope.name + "'s " + std::string(budgetPeriodName(b.period))
                               + " budget starts from $0: spending before this start is not counted");
            continue;
        }
        TraceFilter filter;
        filter.terms = {{"source", "gateway"}, {b.scope.kind, b.scope.name}};
        filter.since = BudgetLedger::periodStart(b.period, now);
        ledger.addSpent(b.scope, b.period, now, reader.totalCost(filter));
    }
    return unseeded;
}

} // namespace ts
