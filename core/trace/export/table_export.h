#pragma once
#include "trace/export/export_request.h"
#include "trace/store.h"

#include <ostream>

// The traces table, or with TableRows::Spans every span of the selected traces, as JSON lines
// (one object per row, the fields of table_rows.h) or as CSV (a header row, then one record per
// row). Oldest trace first; a trace's spans in their stored order. The traces table is read from
// the trace rows alone, so it stays fast over millions of traces.
namespace ts::exporting {

enum class TableFormat { Jsonl, Csv };
enum class TableRows { Traces, Spans };

ExportResult exportTable(TraceReader& reader, const ExportRequest& request, TableFormat format,
                         TableRows rows, std::ostream& out);

} // namespace ts::exporting
