#pragma once
#include "charts/chart_data.h"
#include "guard/guard_analysis.h"

#include <QStringList>

// The Guardrails panel's figures as chart data.
namespace ts::ui::guardpanel {

constexpr int kTopTypes = 6; // types drawn on their own; the rest add up to "other"

// The stage's finding types, most found first.
QStringList typesByCount(const StageFindings& stage);
QColor typeColor(int rank); // the rank-th type's colour; "other" has its own grey
QColor otherColor();
// Findings per day, stacked by type (the top ones, the rest as "other"), every day from the first
// to the last so the gaps show.
charts::TimeSeries findingsSeries(const StageFindings& stage, const QString& title);

} // namespace ts::ui::guardpanel
