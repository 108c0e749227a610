#include "waterfall/waterfall_data.h"

#include "model/attributes.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

namespace ts::ui {

namespace {

std::uint16_t attemptOf(const Span& span)
{
    const auto attempt = span.attrInt(attr::kAttempt);
    return attempt ? static_cast<std::uint16_t>(std::clamp<std::int64_t>(*attempt, 0, 65535)) : 0;
}

void addRows(const std::vector<Span>& spans, const SpanTree& tree, WaterfallData& d)
{
    d.rows.resize(tree.size());
    for (std::size_t row = 0; row < tree.size(); ++row) {
        WaterfallRow& r = d.rows[row];
        const Span& span = spans[tree.order[row]];
        r.span = tree.order[row];
        r.depth = tree.depth[row];
        r.subtree = tree.subtree[row];
        r.category = categoryOf(span);
        r.attempt = attemptOf(span);
        if (span.status == SpanStatus::Error) {
            r.flags |= WaterfallRow::Error;
            ++d.errors;
        }
        d.maxDepth = std::max(d.maxDepth, r.depth);
        d.start = row ? std::min(d.start, span.start) : span.start;
        d.end = row ? std::max(d.end, std::max(span.end, span.start)) : std::max(span.end, span.start);
    }
}

// Attempts under one route span, in attempt order: one at the same provider and model as the
// attempt before it is a retry, one at another deployment a fallback.
void markAttempts(const std::vector<Span>& spans, const SpanTree& tree, WaterfallData& d)
{
    std::vector<std::uint32_t> attempts; // rows, grouped by parent, then by attempt
    for (std::uint32_t row = 0; row < d.rows.size(); ++row)
        if (d.rows[row].attempt)
            attempts.push_back(row);
    std::stable_sort(attempts.begin(), attempts.end(), [&](std::uint32_t a, std::uint32_t b) {
        const std::uint32_t pa = tree.parent[d.rows[a].span], pb = tree.parent[d.rows[b].span];
        return pa != pb ? pa < pb : d.rows[a].attempt < d.rows[b].attempt;
    });
    for (std::size_t i = 1; i < attempts.size(); ++i) {
        WaterfallRow& r = d.rows[attempts[i]];
        const WaterfallRow& before = d.rows[attempts[i - 1]];
        if (tree.parent[r.span] != tree.parent[before.span] || r.attempt == before.attempt)
            continue;
        const Span& s = spans[r.span];
        const Span& b = spans[before.span];
        const bool same = s.attrView(attr::kProviderName) == b.attrView(attr::kProviderName) &&
                          s.attrView(attr::kRequestModel) == b.attrView(attr::kRequestModel);
        r.flags |= same ? WaterfallRow::Retry : WaterfallRow::Fallback;
        ++(same ? d.retries : d.fallbacks);
    }
}

void addCriticalPath(const std::vector<Span>& spans, const SpanTree& tree, WaterfallData& d)
{
    d.path = criticalPath(spans, tree);
    d.criticalSpans = criticalSpans(d.path);
    d.sections = d.path;
    std::stable_sort(d.sections.begin(), d.sections.end(), [&tree](const CriticalSection& a, const CriticalSection& b) {
        return tree.rowOf[a.span] < tree.rowOf[b.span];
    });
    for (std::uint32_t i = 0; i < d.sections.size(); ++i) {
        WaterfallRow& r = d.rows[tree.rowOf[d.sections[i].span]];
        if (!r.sectionCount)
            r.firstSection = i;
        ++r.sectionCount;
        r.flags |= WaterfallRow::Critical;
    }
}

void addStreams(const Trace& trace, const SpanTree& tree, WaterfallData& d)
{
    const SpanIdIndex byId(trace.spans);
    std::map<std::uint32_t, StreamMarks> streams;
    for (const Exchange& e : trace.exchanges) {
        const std::uint32_t span = e.chunks.empty() ? SpanIdIndex::kMissing : byId.find(e.spanId);
        if (span == SpanIdIndex::kMissing)
            continue;
        StreamMarks& marks = streams[tree.rowOf[span]];
        for (const Exchange::Chunk& c : e.chunks)
            marks.arrivals.push_back(c.at);
    }
    for (std::uint32_t row = 0; row < d.rows.size(); ++row) {
        const Span& span = trace.spans[d.rows[row].span];
        if (auto seconds = span.attrDouble(attr::kTimeToFirstChunk); seconds && std::isfinite(*seconds))
            streams[row].firstToken = span.start + std::llround(*seconds * static_cast<double>(kNsPerSec));
    }
    for (auto& [row, marks] : streams) {
        std::sort(marks.arrivals.begin(), marks.arrivals.end());
        if (!marks.firstToken && !marks.arrivals.empty())
            marks.firstToken = marks.arrivals.front();
        d.rows[row].flags |= WaterfallRow::Streamed;
        d.streams.emplace_back(row, std::move(marks));
    }
}

} // namespace

WaterfallData buildWaterfall(Trace trace)
{
    WaterfallData d;
    auto shared = std::make_shared<const Trace>(std::move(trace));
    const std::vector<Span>& spans = shared->spans;
    const SpanTree tree = buildSpanTree(spans);
    addRows(spans, tree, d);
    markAttempts(spans, tree, d);
    addCriticalPath(spans, tree, d);
    addStreams(*shared, tree, d);
    if (shared->summary.ttftMs && tree.root != SpanTree::kNone)
        d.firstToken = spans[tree.root].start + std::llround(*shared->summary.ttftMs * static_cast<double>(kNsPerMs));
    d.trace = std::move(shared);
    return d;
}

const StreamMarks* WaterfallData::streamOf(std::size_t row) const
{
    const auto it = std::lower_bound(streams.begin(), streams.end(), row,
                                     [](const auto& entry, std::size_t r) { return entry.first < r; });
    return it != streams.end() && it->first == row ? &it->second : nullptr;
}

std::optional<std::size_t> WaterfallData::rowOfSpan(std::string_view spanId) const
{
    for (std::size_t row = 0; row < rows.size(); ++row)
        if (spanAt(row).spanId == spanId)
            return row;
    return std::nullopt;
}

Nanos WaterfallData::criticalTimeOf(std::size_t row) const
{
    Nanos total = 0;
    const WaterfallRow& r = rows[row];
    for (std::uint32_t i = r.firstSection; i < r.firstSection + r.sectionCount; ++i)
        total += sections[i].end - sections[i].start;
    return total;
}

} // namespace ts::ui
