#pragma once
#include "cost/cost_analysis.h"

#include <QString>

// The Cost panel's sentences and labels.
namespace ts::ui::costpanel::text {

// "$1,234" from $100 up (a sentence needs no cents there); format::cost below.
QString money(double usd);
QString dimensionLabel(analytics::Dimension dimension); // "Model", "Tag", ...
// A group as listed: its name, or "(no tag)" / "(no route)" / ... for rows without one.
QString groupName(const std::string& name, analytics::Dimension dimension);
// "Read 312 rollup rows and 20 traces in 14 ms."
QString readStatus(const CostAnalysis& analysis, qint64 elapsedMs);
// "Monthly budget, all traffic" / "user alice: $50.00 a day"
QString budgetTitle(const BudgetChoice& budget);
// "At this pace the month ends at $1,234 of $1,000: over budget on Nov 24." and its kin.
QString burnSentence(const BudgetStanding& standing);
// Why a key or project budget has no burn-down here.
QString uncountable(const BudgetChoice& budget);
// Under the chart when grouping by tag: why the tags add up to more than the spend.
QString tagNote();

} // namespace ts::ui::costpanel::text
