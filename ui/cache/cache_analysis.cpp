#include "cache/cache_analysis.h"

#include "catalog/catalog.h"
#include "trace/store.h"

#include <algorithm>

namespace ts::ui::cachepanel {

namespace {

constexpr std::size_t kSummariesPerRead = 256;

} // namespace

std::optional<CacheAnalysis> analyzeWorkspace(TraceReader& reader, std::int64_t cap, const CancelToken& cancel,
                                              const AnalysisProgress& progress)
{
    std::vector<std::int64_t> ids = reader.rowIds({}, {TraceOrderKey::Start, true}, &cancel);
    CacheAnalysis out;
    out.tracesInWorkspace = static_cast<std::int64_t>(ids.size());
    ids.resize(std::min<std::size_t>(ids.size(), static_cast<std::size_t>(std::max<std::int64_t>(cap, 0))));
    const auto catalog = Catalog::current(); // today's prices, as the Cost panel uses
    ts::cache::CacheReportBuilder builder(*catalog);
    std::vector<ts::cache::TuningRequest> requests;
    for (std::size_t at = 0; at < ids.size(); at += kSummariesPerRead) {
        const std::vector<std::int64_t> chunk(ids.begin() + static_cast<std::ptrdiff_t>(at),
                                              ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), at + kSummariesPerRead)));
        for (const TraceSummary& summary : reader.summaries(chunk)) {
            if (cancel.cancelled())
                return std::nullopt;
            if (const auto trace = reader.load(summary.traceId)) {
                builder.add(*trace);
                if (auto request = ts::cache::tuningRequestOf(*trace))
                    requests.push_back(std::move(*request));
            }
            ++out.tracesRead;
            progress(AnalysisStage::Reading, static_cast<std::size_t>(out.tracesRead), ids.size());
        }
    }
    if (cancel.cancelled())
        return std::nullopt;
    out.report = builder.finish();
    auto tuning = ts::cache::tuneThreshold(std::move(requests), &cancel, [&](std::size_t done, std::size_t total) {
        progress(AnalysisStage::Comparing, done, total);
    });
    if (!tuning)
        return std::nullopt;
    out.tuning = std::move(*tuning);
    return out;
}

} // namespace ts::ui::cachepanel
