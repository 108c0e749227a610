#pragma once
#include "guard/action.h"
#include "model/cancel.h"
#include "model/time.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ts {
class TraceReader;
struct Trace;
} // namespace ts

namespace ts::ui::guardpanel {

enum class Stage { Input, Output };

// What one guard stage found, by finding type.
struct StageFindings
{
    std::map<Nanos, std::map<std::string, std::int64_t>> byDay; // UTC day start → type → findings
    std::map<std::string, std::map<ts::guard::Action, std::int64_t>> byTypeAction;
    std::int64_t guarded = 0;      // requests this stage checked under a policy
    std::int64_t withFindings = 0; // of those, requests with at least one finding
    std::int64_t blocked = 0;

    std::int64_t total() const;
    std::int64_t totalOf(const std::string& type) const;
    std::map<ts::guard::Action, std::int64_t> byAction() const;
};

// A request a guard stopped: the row of the blocked table.
struct BlockedRequest
{
    Nanos time = 0;
    std::string traceId;
    std::string stage; // guard.input, guard.output
    std::string policy;
    std::string reason;
    std::string types; // "email,card"
    std::string model;
    std::string user;
};

// Everything the Guardrails panel shows, computed once on a worker and then only read.
struct GuardAnalysis
{
    StageFindings input;
    StageFindings output;
    std::vector<BlockedRequest> blocked; // newest first
    std::int64_t tracesInWorkspace = 0;
    std::int64_t tracesRead = 0; // the newest ones, up to the cap

    const StageFindings& stage(Stage s) const { return s == Stage::Input ? input : output; }
    bool anyGuarded() const { return input.guarded + output.guarded > 0; }
};

// Adds one trace's guard spans to the analysis (a span with policy "none" or none at all did not guard).
void addTrace(GuardAnalysis& analysis, const Trace& trace);

using AnalysisProgress = std::function<void(std::size_t done, std::size_t total)>;
// What has been added up so far, offered after the first few hundred traces and then at growing
// intervals, so a long read shows the newest traffic early.
using AnalysisSoFar = std::function<void(const GuardAnalysis& soFar)>;

// Reads the newest `cap` traces (one at a time, so memory stays flat) and adds them up; nullopt
// once cancelled (the token is checked between traces).
std::optional<GuardAnalysis> analyzeWorkspace(TraceReader& reader, std::int64_t cap,
                                              const CancelToken& cancel, const AnalysisProgress& progress,
                                              const AnalysisSoFar& soFar = {});

} // namespace ts::ui::guardpanel
