#include "analytics/usage_report_read.h"
#include "policy_file.h"
#include "report_format.h"
#include "trace/export/export_redaction.h"
#include "trace/filter_time.h"
#include "trace/workspace_paths.h"
#include "verbs.h"

#include <iostream>
#include <memory>

namespace ts::cli {

namespace {

void timeBound(const Args& args, const char* option, bool until, std::optional<Nanos>& into)
{
    const auto value = args.value(option);
    if (!value)
        return;
    into = filter::parseTimeBound(*value, wallNowNs(), until);
    if (!into)
        throw Exit{2, std::string(option) +
                          " wants a date (2026-11-01), a date-time (2026-11-01T12:00) or an age "
                          "(30m, 24h, 7d, 2w), not '" +
                          *value + "'"};
}

} // namespace

int runReport(const Args& args)
{
    const std::string format = args.valueOr("--format", "md");
    if (format != "md" && format != "json" && format != "csv")
        throw Exit{2, "--format wants md, json or csv, not '" + format + "'"};
    if (!args.positional.empty())
        throw Exit{2, "report takes no FILE; it prints to standard output"};
    const int top = parseIntOption(args, "--top", 10, 0, 1000);
    FilterParse filter = parseFilter(args.valueOr("--filter", ""));
    if (!filter.ok())
        throw Exit{2, "--filter: " + filter.error};
    timeBound(args, "--since", false, filter.filter.since);
    timeBound(args, "--until", true, filter.filter.until);
    const std::string policy = args.valueOr("--policy", "");
    std::unique_ptr<exporting::ExportRedaction> redaction;
    if (policy != "none")
        redaction = std::make_unique<exporting::ExportRedaction>(policy.empty() ? guard::defaultPolicy()
                                                                                : readPolicyFile(policy));
    auto store = openWorkspace(args, TraceStore::OpenMode::ExistingOnly, defaultWorkspacePath());
    auto reader = store->reader();
    const analytics::UsageReport report =
        analytics::readUsageReport(*reader, filter.filter, static_cast<std::size_t>(top), redaction.get());
    if (format == "json")
        writeReportJson(report, std::cout);
    else if (format == "csv")
        writeReportCsv(report, std::cout);
    else
        writeReportMarkdown(report, std::cout);
    return 0;
}

} // namespace ts::cli
