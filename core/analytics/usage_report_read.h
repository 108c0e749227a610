#pragma once
#include "analytics/usage_report.h"
#include "model/cancel.h"
#include "trace/store.h"

namespace ts::exporting {
class ExportRedaction;
}

namespace ts::analytics {

// The usage report over the traces a filter selects. Its since/until are widened to whole hours
// (the rollups' grain), so totals and the error list count the same traces; the report says which
// hours. A filter the rollups can answer (model, provider, route, source, user, tag, time) reads
// them; any other (status, comparisons, text search) reads the trace rows one by one into the
// same figures. The error list comes from the trace rows with status error, each message redacted
// first when `redaction` is given (error messages quote what users sent), so messages that differ
// only in what the policy rewrites count as one. Empty when cancelled.
UsageReport readUsageReport(TraceReader& reader, TraceFilter filter, std::size_t topErrors = 10,
                            const exporting::ExportRedaction* redaction = nullptr,
                            const CancelToken* cancel = nullptr);

} // namespace ts::analytics
