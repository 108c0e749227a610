#include "analytics/usage_report_read.h"

#include "trace/export/export_redaction.h"
#include "trace/filter_sql.h"

#include <algorithm>

namespace ts::analytics {

namespace {

constexpr std::size_t kPage = 512; // summaries read per query

void wholeHours(TraceFilter& filter)
{
    if (filter.since)
        filter.since = rollupHourOf(*filter.since) * kRollupBucketNs;
    if (filter.until)
        filter.until = (rollupHourOf(*filter.until - 1) + 1) * kRollupBucketNs;
}

// Every trace row the filter selects, a page at a time.
bool eachSummary(TraceReader& reader, const TraceFilter& filter, const CancelToken* cancel,
                 const std::function<void(const TraceSummary&)>& visit)
{
    const std::vector<std::int64_t> ids =
        reader.rowIds(filter, TraceOrder{TraceOrderKey::Start, false}, cancel);
    for (std::size_t from = 0; from < ids.size(); from += kPage) {
        if (cancel && cancel->cancelled())
            return false;
        const auto first = ids.begin() + static_cast<std::ptrdiff_t>(from);
        const auto last = ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), from + kPage));
        for (const TraceSummary& s : reader.summaries(std::vector<std::int64_t>(first, last)))
            visit(s);
    }
    return !(cancel && cancel->cancelled());
}

} // namespace

UsageReport readUsageReport(TraceReader& reader, TraceFilter filter, std::size_t topErrors,
                            const exporting::ExportRedaction* redaction, const CancelToken* cancel)
{
    wholeHours(filter);
    RollupCube cube(Granularity::Day, Dimension::Model);
    ErrorTally tally;
    auto countError = [&](const TraceSummary& s) {
        guard::Vault vault; // per message, so the same value reads [EMAIL_1] in every one
        tally.add(redaction ? redaction->redact(s.error, vault) : s.error);
    };
    bool complete = false;
    if (filter::rollupFilterProblem(filter).empty()) {
        complete = reader.rollups(
            filter, true, [&](const RollupRow& row) { cube.add(row); }, cancel, RollupDetail::ModelLevel);
        TraceFilter failed = filter;
        failed.terms.push_back({"status", "error", false});
        complete = complete && eachSummary(reader, failed, cancel, countError);
    } else {
        complete = eachSummary(reader, filter, cancel, [&](const TraceSummary& s) {
            cube.add(RollupRow{rollupKeyOf(s, RollupDetail::ModelLevel), rollupOf(s)});
            if (s.status == "error")
                countError(s);
        });
    }
    if (!complete)
        return {};
    UsageReport report = usageReport(cube, tally, topErrors);
    report.since = filter.since;
    report.until = filter.until;
    return report;
}

} // namespace ts::analytics
