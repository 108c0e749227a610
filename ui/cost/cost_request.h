#pragma once
#include "analytics/budget_projection.h"
#include "analytics/rollup_cube.h"
#include "trace/filter.h"

#include <string>

namespace ts::ui::costpanel {

// The budget the burn-down follows: one of the gateway config's, or the monthly budget the user
// typed for all traffic (no scope).
struct BudgetChoice
{
    std::string scopeKind; // "user", "tag", "key", "project"; empty: all traffic
    std::string scopeName;
    analytics::BudgetWindow window = analytics::BudgetWindow::Month;
    double limitUsd = 0; // 0: none set

    bool global() const { return scopeKind.empty(); }
    // Rollup rows keep users and tags, not virtual keys or projects.
    bool countable() const { return global() || scopeKind == "user" || scopeKind == "tag"; }
    // "user:alice:month" (what QSettings keeps); "" for the typed global budget.
    std::string id() const;
    bool operator==(const BudgetChoice&) const = default;
};

// What one refresh of the Cost panel reads.
struct CostRequest
{
    TraceFilter filter; // the shared live filter as of `now`
    Nanos now = 0;
    analytics::Granularity granularity = analytics::Granularity::Day;
    analytics::Dimension dimension = analytics::Dimension::Model;
    BudgetChoice budget;
    int topTraces = 20;
};

// The rollup filter a budget counts: its scope's rows since its period began. A gateway budget counts
// the gateway's own traffic (source:gateway), as the gateway's ledger does.
TraceFilter budgetFilter(const BudgetChoice& budget, Nanos periodStart);

} // namespace ts::ui::costpanel
