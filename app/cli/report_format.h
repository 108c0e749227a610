#pragma once
#include "analytics/usage_report.h"

#include <ostream>

// How `tokenscope-cli report` prints a usage report.
namespace ts::cli {

// Readable Markdown: the period, then a table per section (totals, by model, by day, errors).
void writeReportMarkdown(const analytics::UsageReport& report, std::ostream& out);
// One JSON document: {"since","until","totals","models","days","errors"}.
void writeReportJson(const analytics::UsageReport& report, std::ostream& out);
// One long CSV table, a section column first (total, model, day, error); each row fills the
// columns its section has and leaves the others empty.
void writeReportCsv(const analytics::UsageReport& report, std::ostream& out);

} // namespace ts::cli
