#pragma once
#include "cost/cost_analysis.h"
#include "model/cancel.h"
#include "trace/store.h"

#include <memory>

namespace ts::ui::costpanel {

// Everything the Cost panel shows in one pass on the worker: the range's rollups grouped by the
// chosen dimension, this month's (for the projection), the budget's, and the dearest traces.
// nullptr when cancelled.
std::shared_ptr<const CostAnalysis> readCost(TraceReader& reader, const CostRequest& request,
                                             const CancelToken& token);

// Spend per hour from `periodStart` up to `now`, of the rows `filter` selects (index 0: the first
// hour); what analytics::projectBudget takes.
std::vector<double> hourlySpend(TraceReader& reader, const TraceFilter& filter, Nanos periodStart, Nanos now,
                                std::int64_t& rowsRead, const CancelToken& token);

} // namespace ts::ui::costpanel
