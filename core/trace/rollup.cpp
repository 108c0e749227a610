#include "trace/rollup.h"

#include <cmath>

namespace ts {

std::string_view rollupTable(RollupDetail detail)
{
    return detail == RollupDetail::Full ? "rollups" : "rollups_model";
}

RollupKey rollupKeyOf(const TraceSummary& s, RollupDetail detail)
{
    RollupKey key;
    key.hour = rollupHourOf(s.start);
    key.model = s.model;
    key.provider = s.provider;
    key.route = s.facts.route;
    key.source = s.source;
    if (detail == RollupDetail::Full) {
        key.user = s.user;
        key.tags = s.tags;
    }
    return key;
}

std::optional<double> timePerOutputToken(const TraceSummary& s)
{
    if (s.outputTokens < 2 || !(s.facts.phases.generationMs > 0) || !std::isfinite(s.facts.phases.generationMs))
        return std::nullopt;
    return s.facts.phases.generationMs / static_cast<double>(s.outputTokens - 1);
}

namespace {

// A log's 1e308 or inf would poison a row's sums for good (inf - inf is NaN, which SQLite stores as NULL).
double finite(double value)
{
    return std::isfinite(value) ? value : 0.0;
}

TracePhases finitePhases(TracePhases p)
{
    for (double* v : {&p.guardMs, &p.cacheMs, &p.queueMs, &p.networkMs, &p.generationMs, &p.toolsMs, &p.otherMs})
        *v = finite(*v);
    return p;
}

} // namespace

RollupMeasures rollupOf(const TraceSummary& s)
{
    RollupMeasures m;
    m.requests = 1;
    m.errors = s.status == "error" ? 1 : 0;
    m.refusals = s.facts.refused ? 1 : 0;
    m.cacheHits = s.facts.cacheHit ? 1 : 0;
    m.guardFlagged = s.facts.guardFindings > 0 ? 1 : 0;
    m.guardBlocked = s.facts.guardBlocked ? 1 : 0;
    m.streamed = s.facts.streamed ? 1 : 0;
    m.inputTokens = s.inputTokens;
    m.outputTokens = s.outputTokens;
    m.cacheReadTokens = s.cacheReadTokens;
    m.costUsd = finite(s.costUsd);
    m.cacheSavedUsd = finite(s.facts.cacheSavedUsd);
    m.durationMs = finite(s.durationMs);
    m.phases = finitePhases(s.facts.phases);
    m.latency = {{static_cast<std::uint16_t>(LogHistogram::bucketOf(s.durationMs)), 1}};
    if (s.ttftMs && std::isfinite(*s.ttftMs)) {
        m.ttftCount = 1;
        m.ttftMs = *s.ttftMs;
        m.ttft = {{static_cast<std::uint16_t>(LogHistogram::bucketOf(*s.ttftMs)), 1}};
    }
    if (auto tpot = timePerOutputToken(s))
        m.tpot = {{static_cast<std::uint16_t>(LogHistogram::bucketOf(*tpot)), 1}};
    m.inputHist = {{static_cast<std::uint16_t>(LogHistogram::bucketOf(static_cast<double>(s.inputTokens))), 1}};
    m.outputHist = {{static_cast<std::uint16_t>(LogHistogram::bucketOf(static_cast<double>(s.outputTokens))), 1}};
    return m;
}

void addRollup(RollupMeasures& into, const RollupMeasures& d, std::int64_t sign)
{
    addRollupScalars(into, d, sign);
    mergeSparse(into.latency, d.latency, sign);
    mergeSparse(into.ttft, d.ttft, sign);
    mergeSparse(into.tpot, d.tpot, sign);
    mergeSparse(into.inputHist, d.inputHist, sign);
    mergeSparse(into.outputHist, d.outputHist, sign);
}

void addRollupScalars(RollupMeasures& into, const RollupMeasures& d, std::int64_t sign)
{
    into.requests += sign * d.requests;
    into.errors += sign * d.errors;
    into.refusals += sign * d.refusals;
    into.cacheHits += sign * d.cacheHits;
    into.guardFlagged += sign * d.guardFlagged;
    into.guardBlocked += sign * d.guardBlocked;
    into.streamed += sign * d.streamed;
    into.ttftCount += sign * d.ttftCount;
    into.inputTokens += sign * d.inputTokens;
    into.outputTokens += sign * d.outputTokens;
    into.cacheReadTokens += sign * d.cacheReadTokens;
    const auto k = static_cast<double>(sign);
    into.costUsd += k * d.costUsd;
    into.cacheSavedUsd += k * d.cacheSavedUsd;
    into.durationMs += k * d.durationMs;
    into.ttftMs += k * d.ttftMs;
    TracePhases& p = into.phases;
    p.guardMs += k * d.phases.guardMs;
    p.cacheMs += k * d.phases.cacheMs;
    p.queueMs += k * d.phases.queueMs;
    p.networkMs += k * d.phases.networkMs;
    p.generationMs += k * d.phases.generationMs;
    p.toolsMs += k * d.phases.toolsMs;
    p.otherMs += k * d.phases.otherMs;
}

} // namespace ts
