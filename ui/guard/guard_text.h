#pragma once
#include "guard/guard_analysis.h"

#include <QString>

// The Guardrails panel's sentences, kept apart from the widgets so tests can read them.
namespace ts::ui::guardpanel::text {

QString stageTitle(Stage stage);               // Input guard, Output guard
QString actionTitle(ts::guard::Action action); // Redact, Mask, ...
// What the guards do not catch, said plainly.
QString coverageNote();
// "The input guard ran 1,234 checks: 56 found something (123 findings in all); 3 blocked the request."
// A check is one model request: an agent's steps are checked one by one.
QString stageSummary(Stage stage, const StageFindings& figures);
// Why the chart is empty and what to do about it; "" when there are findings to draw.
QString emptyFindings(const GuardAnalysis& analysis, Stage stage);
QString noBlockedRequests(const GuardAnalysis& analysis);

} // namespace ts::ui::guardpanel::text
