#include "guard/guard_analysis.h"

#include "guard/guard_record.h"
#include "model/attributes.h"
#include "model/trace.h"
#include "trace/store.h"

#include <algorithm>
#include <sstream>

namespace ts::ui::guardpanel {

namespace {

constexpr std::size_t kSummariesPerRead = 256;
constexpr std::int64_t kFirstSoFar = 250; // traces read before the first partial result
constexpr std::int64_t kSoFarGrowth = 4;
constexpr Nanos kNsPerDay = 24 * 3600 * kNsPerSec;
constexpr std::string_view kAttrPolicy = "tokenscope.guard.policy"; // written by the pipeline's guard stages

Nanos dayOf(Nanos t)
{
    return t - ((t % kNsPerDay) + kNsPerDay) % kNsPerDay;
}

// A guard span that ran under a policy: the stage it belongs to.
std::optional<Stage> guardedStage(const Span& span)
{
    const std::string_view stage = span.attrView(attr::kStage);
    const std::string_view policy = span.attrView(kAttrPolicy);
    if (policy.empty() || policy == "none")
        return std::nullopt;
    if (stage == "guard.input")
        return Stage::Input;
    if (stage == "guard.output")
        return Stage::Output;
    return std::nullopt;
}

// The recorded findings, or one per listed type when only the type list was written.
std::vector<ts::guard::RecordedFinding> findingsOf(const Span& span)
{
    if (auto detail = ts::guard::readDetail(span.attrView(ts::guard::kAttrDetail)))
        return *detail;
    std::vector<ts::guard::RecordedFinding> out;
    std::istringstream types{span.attrString(ts::guard::kAttrTypes)};
    for (std::string type; std::getline(types, type, ',');)
        if (!type.empty())
            out.push_back({type, {}, ts::guard::kOutputMessage, 0, 0, 1.0, ts::guard::Action::Log});
    return out;
}

std::string modelOf(const Trace& trace)
{
    if (!trace.summary.model.empty())
        return trace.summary.model;
    const Span* root = trace.root();
    return root ? root->attrString(attr::kRequestModel) : std::string();
}

BlockedRequest blockedRow(const Trace& trace, const Span& span)
{
    BlockedRequest row;
    const Span* root = trace.root();
    row.time = root ? root->start : span.start;
    row.traceId = trace.traceId;
    row.stage = span.attrString(attr::kStage);
    row.policy = span.attrString(kAttrPolicy);
    row.reason = span.attrString(ts::guard::kAttrReason);
    if (row.reason.empty())
        row.reason = span.statusMessage;
    row.types = span.attrString(ts::guard::kAttrTypes);
    row.model = modelOf(trace);
    row.user = trace.summary.user;
    return row;
}

void addSpan(StageFindings& stage, const Span& span, Nanos day)
{
    ++stage.guarded;
    auto& perType = stage.byDay[day]; // a day of requests with no finding still has its place on the chart
    const auto findings = findingsOf(span);
    if (!findings.empty())
        ++stage.withFindings;
    for (const auto& f : findings) {
        ++perType[f.type];
        ++stage.byTypeAction[f.type][f.action];
    }
}

} // namespace

std::int64_t StageFindings::total() const
{
    std::int64_t n = 0;
    for (const auto& [type, actions] : byTypeAction)
        n += totalOf(type);
    return n;
}

std::int64_t StageFindings::totalOf(const std::string& type) const
{
    const auto it = byTypeAction.find(type);
    std::int64_t n = 0;
    if (it != byTypeAction.end())
        for (const auto& [action, count] : it->second)
            n += count;
    return n;
}

std::map<ts::guard::Action, std::int64_t> StageFindings::byAction() const
{
    std::map<ts::guard::Action, std::int64_t> out;
    for (const auto& [type, actions] : byTypeAction)
        for (const auto& [action, count] : actions)
            out[action] += count;
    return out;
}

void addTrace(GuardAnalysis& analysis, const Trace& trace)
{
    const Span* root = trace.root();
    const Nanos day = dayOf(root ? root->start : trace.summary.start);
    for (const Span& span : trace.spans) {
        const auto stage = guardedStage(span);
        if (!stage)
            continue;
        StageFindings& figures = *stage == Stage::Input ? analysis.input : analysis.output;
        addSpan(figures, span, day);
        if (span.attrBool(ts::guard::kAttrBlocked)) {
            ++figures.blocked;
            analysis.blocked.push_back(blockedRow(trace, span));
        }
    }
}

std::optional<GuardAnalysis> analyzeWorkspace(TraceReader& reader, std::int64_t cap,
                                              const CancelToken& cancel, const AnalysisProgress& progress,
                                              const AnalysisSoFar& soFar)
{
    std::vector<std::int64_t> ids = reader.rowIds({}, {TraceOrderKey::Start, true}, &cancel);
    if (cancel.cancelled())
        return std::nullopt;
    GuardAnalysis out;
    out.tracesInWorkspace = static_cast<std::int64_t>(ids.size());
    ids.resize(std::min<std::size_t>(ids.size(), static_cast<std::size_t>(std::max<std::int64_t>(cap, 0))));
    std::int64_t nextSoFar = kFirstSoFar;
    for (std::size_t at = 0; at < ids.size(); at += kSummariesPerRead) {
        const auto from = ids.begin() + static_cast<std::ptrdiff_t>(at);
        const std::vector<std::int64_t> chunk(
            from, from + static_cast<std::ptrdiff_t>(std::min(kSummariesPerRead, ids.size() - at)));
        for (const TraceSummary& summary : reader.summaries(chunk)) {
            if (cancel.cancelled())
                return std::nullopt;
            if (const auto trace = reader.load(summary.traceId))
                addTrace(out, *trace);
            ++out.tracesRead;
            progress(static_cast<std::size_t>(out.tracesRead), ids.size());
            if (soFar && out.tracesRead == nextSoFar && static_cast<std::size_t>(nextSoFar) < ids.size()) {
                soFar(out);
                nextSoFar *= kSoFarGrowth;
            }
        }
    }
    if (cancel.cancelled())
        return std::nullopt;
    return out;
}

} // namespace ts::ui::guardpanel
