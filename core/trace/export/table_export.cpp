#include "trace/export/table_export.h"

#include "trace/export/csv_text.h"
#include "trace/export/table_rows.h"
#include "trace/export/trace_walk.h"

namespace ts::exporting {

namespace {

using nlohmann::json;

// One row in the chosen format, appended to a buffer that is written once per trace.
void appendRow(std::string& buffer, TableFormat format, const json& row,
               std::span<const std::string_view> columns)
{
    if (format == TableFormat::Csv) {
        csv::appendRecord(buffer, row, columns);
        return;
    }
    buffer += row.dump(-1, ' ', false, json::error_handler_t::replace);
    buffer += '\n';
}

long flushed(std::ostream& out, const std::string& buffer, long rows)
{
    out << buffer;
    return out ? rows : -1;
}

} // namespace

ExportResult exportTable(TraceReader& reader, const ExportRequest& request, TableFormat format,
                         TableRows rows, std::ostream& out)
{
    const auto columns = rows == TableRows::Spans ? spanColumns() : traceColumns();
    if (format == TableFormat::Csv) {
        std::string header;
        csv::appendHeader(header, columns);
        if (!(out << header))
            return ExportResult{0, 0, false, "the output could not be written"};
    }
    std::string buffer;
    if (rows == TableRows::Traces)
        return walkSummaries(reader, request, [&](TraceSummary& summary) {
            buffer.clear();
            appendRow(buffer, format, traceRow(summary), columns);
            return flushed(out, buffer, 1);
        });
    return walkTraces(reader, request, [&](Trace& trace) {
        buffer.clear();
        for (const Span& span : trace.spans)
            appendRow(buffer, format, spanRow(span), columns);
        return flushed(out, buffer, static_cast<long>(trace.spans.size()));
    });
}

} // namespace ts::exporting
