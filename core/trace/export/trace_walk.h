#pragma once
#include "trace/export/export_request.h"
#include "trace/store.h"

#include <functional>

namespace ts::exporting {

// The traces an export selects, oldest first, handed over one at a time so that memory stays flat
// however many there are. Each is redacted first when the request says so. `visit` returns how
// many rows it wrote, or a negative number when the output failed, which ends the walk with
// ExportResult::error set to "the output could not be written".
using TraceVisit = std::function<long(Trace& trace)>;
using SummaryVisit = std::function<long(TraceSummary& summary)>;

ExportResult walkTraces(TraceReader& reader, const ExportRequest& request, const TraceVisit& visit);
// The same from the traces table alone: no spans or messages are loaded.
ExportResult walkSummaries(TraceReader& reader, const ExportRequest& request, const SummaryVisit& visit);

} // namespace ts::exporting
