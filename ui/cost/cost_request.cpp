#include "cost/cost_request.h"

namespace ts::ui::costpanel {

std::string BudgetChoice::id() const
{
    if (global())
        return {};
    return scopeKind + ":" + scopeName + (window == analytics::BudgetWindow::Day ? ":day" : ":month");
}

TraceFilter budgetFilter(const BudgetChoice& budget, Nanos periodStart)
{
    TraceFilter filter;
    filter.since = periodStart;
    if (!budget.global())
        filter.terms = {{"source", "gateway"}, {budget.scopeKind, budget.scopeName}};
    return filter;
}

} // namespace ts::ui::costpanel
