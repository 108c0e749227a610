#pragma once
#include "cost/cost_request.h"
#include "model/trace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ts::ui::costpanel {

// Money and volume of a set of rollup rows.
struct CostFigures
{
    double costUsd = 0;
    double cacheSavedUsd = 0; // what cache hits would have cost had they gone to the model
    std::int64_t requests = 0;
    std::int64_t tokens = 0; // input + output

    double costPerThousand() const; // dollars per thousand requests
    double savedShareOfSpend() const; // cache savings over spend; 0 without spend
    void add(const RollupMeasures& m);
};

struct GroupFigures
{
    std::string name; // "" for rows without one (no route, no tag)
    CostFigures figures;
    double share = 0; // of the total spend; tags may add up to more than 1
};

// One budget's burn-down, or why it cannot be drawn from the rollups.
struct BudgetStanding
{
    BudgetChoice budget;
    std::optional<analytics::BudgetBurn> burn;
};

// What the Cost panel shows, as plain numbers (a value snapshot handed from the worker to the UI).
struct CostAnalysis
{
    CostRequest request;
    std::int64_t rollupRows = 0; // read for every figure here together
    CostFigures totals;          // in the filter's range
    std::vector<std::int64_t> buckets; // start hours (UTC) of the range's days or hours, oldest first
    std::vector<GroupFigures> groups;  // by spend, largest first
    std::map<std::string, std::vector<double>> spendByGroup; // spend per bucket of every group
    analytics::BudgetBurn month; // the filtered traffic's calendar month so far, and where it heads
    BudgetStanding budget;
    std::vector<TraceSummary> topTraces; // the range's most expensive, dearest first

    // Spend of `group` in the bucket starting at `bucketStartHour`; 0 when none.
    double spend(const std::string& group, std::int64_t bucketStartHour) const;
    const GroupFigures* group(const std::string& name) const;
};

// When the spend passed the limit (or, at this pace, will pass it); none when it stays under or
// there is no limit.
std::optional<Nanos> limitPassedAt(const analytics::BudgetBurn& burn);

// The range's figures from its rollup cube; the buckets run from `firstHour` to `lastHour` (any
// hour within them) without gaps, so days without traffic show as such.
void fillRange(CostAnalysis& analysis, const analytics::RollupCube& cube, std::int64_t firstHour,
               std::int64_t lastHour);

} // namespace ts::ui::costpanel
