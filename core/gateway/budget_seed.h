#pragma once
#include "gateway/budget_ledger.h"
#include "trace/store.h"

#include <string>
#include <vector>

namespace ts {

// What the gateway's traffic already spent this period, read from the workspace so that budgets
// hold across restarts: for each budget on a user or a tag, the cost of this period's gateway
// traces (source:gateway) of that user or tag. Returns the budgets it could not seed, in words
// (key and project budgets: the workspace does not index traces by key or project yet).
std::vector<std::string> seedBudgets(BudgetLedger& ledger, const std::vector<Budget>& budgets, TraceReader& reader,
                                     Nanos now);

} // namespace ts
