#include "trace/export/trace_walk.h"

#include "trace/export/export_redaction.h"

#include <algorithm>

namespace ts::exporting {

namespace {

constexpr std::size_t kPage = 256; // summaries read per query

bool stopped(const ExportRequest& request)
{
    return request.cancel && request.cancel->cancelled();
}

// Pages through the selected row ids; `visit` gets each summary and says how many rows it wrote.
ExportResult walk(TraceReader& reader, const ExportRequest& request, const SummaryVisit& visit)
{
    ExportResult result;
    const std::vector<std::int64_t> ids =
        reader.rowIds(request.filter, TraceOrder{TraceOrderKey::Start, false}, request.cancel);
    const auto total = static_cast<std::int64_t>(ids.size());
    for (std::size_t from = 0; from < ids.size(); from += kPage) {
        const std::size_t to = std::min(ids.size(), from + kPage);
        const std::vector<std::int64_t> page(ids.begin() + static_cast<std::ptrdiff_t>(from),
                                             ids.begin() + static_cast<std::ptrdiff_t>(to));
        for (TraceSummary& summary : reader.summaries(page)) {
            if (stopped(request)) {
                result.cancelled = true;
                return result;
            }
            const long rows = visit(summary);
            if (rows < 0) {
                result.error = "the output could not be written";
                return result;
            }
            result.rows += rows;
            result.traces += rows > 0 ? 1 : 0;
        }
        if (request.progress)
            request.progress(static_cast<std::int64_t>(to), total);
    }
    result.cancelled = stopped(request);
    if (request.progress && ids.empty())
        request.progress(0, 0);
    return result;
}

} // namespace

ExportResult walkTraces(TraceReader& reader, const ExportRequest& request, const TraceVisit& visit)
{
    return walk(reader, request, [&](TraceSummary& summary) -> long {
        std::optional<Trace> trace = reader.load(summary.traceId);
        if (!trace) // deleted since the ids were read
            return 0;
        if (request.redaction)
            request.redaction->apply(*trace);
        return visit(*trace);
    });
}

ExportResult walkSummaries(TraceReader& reader, const ExportRequest& request, const SummaryVisit& visit)
{
    return walk(reader, request, [&](TraceSummary& summary) {
        if (request.redaction)
            request.redaction->apply(summary);
        return visit(summary);
    });
}

} // namespace ts::exporting
