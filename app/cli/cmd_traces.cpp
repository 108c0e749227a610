#include "verbs.h"

#include "model/time_format.h"
#include "trace/export/table_rows.h"
#include "trace/workspace_paths.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace ts::cli {

namespace {

void printTable(const std::vector<TraceSummary>& rows)
{
    std::printf("%-24s %-18s %-9s %8s %8s %10s %8s %9s  %s\n", "START (UTC)", "MODEL", "STATUS", "IN", "OUT",
                "COST", "TTFT", "DURATION", "TRACE");
    for (const auto& s : rows) {
        char ttft[16] = "-";
        if (s.ttftMs)
            std::snprintf(ttft, sizeof ttft, "%.0fms", *s.ttftMs);
        std::printf("%-24s %-18.18s %-9s %8lld %8lld %10.6f %8s %7.0fms  %s%s\n", isoUtc(s.start).c_str(),
                    s.model.c_str(), s.status.c_str(), static_cast<long long>(s.inputTokens),
                    static_cast<long long>(s.outputTokens), s.costUsd, ttft, s.durationMs, s.traceId.c_str(),
                    s.simulated ? " (simulated)" : "");
    }
}

} // namespace

int runTraces(const Args& args)
{
    const int limit = parseIntOption(args, "--limit", 50, 1, 10'000'000);
    FilterParse filter = parseFilter(args.valueOr("--filter", ""));
    if (!filter.ok())
        throw Exit{2, "--filter: " + filter.error};
    auto store = openWorkspace(args, TraceStore::OpenMode::ExistingOnly, defaultWorkspacePath());
    auto reader = store->reader();
    const auto rows = reader->page(filter.filter, TraceOrder{}, 0, limit);
    if (args.has("--json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : rows)
            out.push_back(exporting::traceRow(s));
        std::cout << out.dump(2) << '\n';
    } else {
        printTable(rows);
    }
    return 0;
}

} // namespace ts::cli
