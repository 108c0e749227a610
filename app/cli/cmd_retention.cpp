#include "care_text.h"
#include "trace/retention.h"
#include "trace/workspace_paths.h"
#include "verbs.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace ts::cli {

namespace {

// A new setting, when --days or --off asks for one.
struct Change
{
    bool wanted = false;
    std::optional<int> days; // nullopt: off
};

Change requestedChange(const Args& args)
{
    if (args.value("--days") && args.has("--off"))
        throw Exit{2, "--days and --off contradict each other; give one"};
    if (args.has("--off"))
        return {true, std::nullopt};
    if (args.value("--days"))
        return {true, parseIntOption(args, "--days", 0, 1, retention::kMaxDays)};
    return {};
}

struct Outcome
{
    std::optional<int> days;
    std::int64_t older = 0; // traces past the retention, after pruning if asked
    std::optional<DeleteResult> pruned;
};

Outcome apply(TraceStore& store, const Change& change, bool prune)
{
    if (change.wanted)
        store.setRetentionDays(change.days);
    Outcome out;
    out.days = store.retentionDays();
    if (prune && !out.days)
        throw Exit{1, store.path() + ": retention is off; set it with --days N, then prune"};
    const Nanos now = wallNowNs();
    if (prune)
        out.pruned = store.prune(now);
    if (out.days)
        out.older = store.reader()->count(retention::olderThan(*out.days, now));
    return out;
}

void print(const Outcome& o, const std::string& path)
{
    if (!o.days) {
        std::printf("retention of %s: off (traces are kept until deleted)\n", path.c_str());
        return;
    }
    std::printf("retention of %s: keep traces for %d day%s\n", path.c_str(), *o.days,
                *o.days == 1 ? "" : "s");
    if (o.pruned)
        std::printf("pruned %s\n", tracesAndCost(o.pruned->traces, o.pruned->costUsd).c_str());
    else
        std::printf("%lld trace%s older than that (--prune deletes them now)\n",
                    static_cast<long long>(o.older), o.older == 1 ? " is" : "s are");
}

nlohmann::json toJson(const Outcome& o)
{
    nlohmann::json out{{"retention_days", o.days ? nlohmann::json(*o.days) : nlohmann::json(nullptr)}};
    if (o.days)
        out["older_traces"] = o.older;
    if (o.pruned) {
        out["pruned_traces"] = o.pruned->traces;
        out["pruned_cost_usd"] = o.pruned->costUsd;
    }
    return out;
}

} // namespace

int runRetention(const Args& args)
{
    if (!args.positional.empty())
        throw Exit{2, "unexpected argument '" + args.positional.front() + "'"};
    const Change change = requestedChange(args);
    if (args.has("--prune") && change.wanted && !change.days)
        throw Exit{2, "--prune with --off has nothing to apply"};
    auto store = openWorkspace(args, TraceStore::OpenMode::ExistingOnly, defaultWorkspacePath());
    Outcome outcome;
    try {
        outcome = apply(*store, change, args.has("--prune"));
    } catch (const WorkspaceError& e) {
        throw Exit{1, e.what()};
    }
    if (args.has("--json"))
        std::cout << toJson(outcome).dump(2) << '\n';
    else
        print(outcome, store->path());
    return 0;
}

} // namespace ts::cli
