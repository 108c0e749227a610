#include "care_text.h"
#include "trace/workspace_paths.h"
#include "verbs.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace ts::cli {

namespace {

TraceSelection selectionFrom(const Args& args)
{
    const auto filterText = args.value("--filter");
    if (args.has("--trace")) {
        if (filterText || args.has("--all"))
            throw Exit{2, "--trace names the traces itself; leave out --filter and --all"};
        if (args.positional.empty())
            throw Exit{2, "--trace wants one or more trace ids"};
        return args.positional;
    }
    if (!args.positional.empty())
        throw Exit{2, "unexpected argument '" + args.positional.front() + "' (trace ids follow --trace)"};
    if (!filterText && !args.has("--all"))
        throw Exit{2, "say which traces: --filter EXPR, --trace ID... or --all"};
    const FilterParse filter = parseFilter(filterText.value_or(""));
    if (!filter.ok())
        throw Exit{2, "--filter: " + filter.error};
    if (filter.filter.empty() && !args.has("--all"))
        throw Exit{2, "an empty filter selects every trace; add --all to delete them all"};
    return filter.filter;
}

DeleteProgress progressLine()
{
    if (!isatty(STDERR_FILENO))
        return {};
    return [](std::int64_t deleted, std::int64_t selected) {
        std::fprintf(stderr, "\rdeleted %lld / %lld traces", static_cast<long long>(deleted),
                     static_cast<long long>(selected));
    };
}

void report(const DeleteResult& result, const std::string& path, bool dryRun, bool json)
{
    if (json) {
        std::cout << nlohmann::json{{"traces", result.traces},
                                    {"cost_usd", result.costUsd},
                                    {"dry_run", dryRun},
                                    {"not_found", result.notFound}}
                         .dump(2)
                  << '\n';
    } else if (dryRun) {
        std::printf("would delete %s from %s; nothing was deleted (--dry-run)\n",
                    tracesAndCost(result.traces, result.costUsd).c_str(), path.c_str());
    } else {
        std::printf("deleted %s from %s\n", tracesAndCost(result.traces, result.costUsd).c_str(),
                    path.c_str());
    }
    if (!result.notFound.empty()) {
        std::string ids;
        for (const std::string& id : result.notFound)
            ids += (ids.empty() ? "" : ", ") + id;
        std::fprintf(stderr, "tokenscope-cli: note: not in the workspace: %s\n", ids.c_str());
    }
}

} // namespace

int runDelete(const Args& args)
{
    const TraceSelection which = selectionFrom(args);
    auto store = openWorkspace(args, TraceStore::OpenMode::ExistingOnly, defaultWorkspacePath());
    const bool dryRun = args.has("--dry-run");
    DeleteResult result;
    try {
        result = dryRun ? store->previewDelete(which) : store->deleteTraces(which, nullptr, progressLine());
    } catch (const WorkspaceError& e) {
        throw Exit{1, e.what()};
    }
    if (!dryRun && result.traces > 0 && isatty(STDERR_FILENO))
        std::fputc('\n', stderr);
    report(result, store->path(), dryRun, args.has("--json"));
    return 0;
}

} // namespace ts::cli
