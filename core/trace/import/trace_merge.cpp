#include "trace/import/trace_merge.h"

#include <algorithm>

namespace ts::import {

namespace {

template <class T> void fillIfEmpty(T& have, T&& more)
{
    if (have == T{})
        have = std::move(more);
}

template <class T> void addMissing(std::vector<T>& have, std::vector<T>&& more)
{
    for (T& item : more)
        if (std::find(have.begin(), have.end(), item) == have.end())
            have.push_back(std::move(item));
}

void fill(Span& have, Span&& more)
{
    fillIfEmpty(have.parentSpanId, std::move(more.parentSpanId));
    fillIfEmpty(have.name, std::move(more.name));
    if (have.kind == SpanKind::Internal)
        have.kind = more.kind;
    fillIfEmpty(have.start, std::move(more.start));
    fillIfEmpty(have.end, std::move(more.end));
    if (have.status == SpanStatus::Unset) {
        have.status = more.status;
        fillIfEmpty(have.statusMessage, std::move(more.statusMessage));
    }
    for (auto& [key, value] : more.attributes)
        have.attributes.emplace(key, std::move(value));
    addMissing(have.events, std::move(more.events));
}

bool hasRepeats(const std::vector<Span>& spans)
{
    std::vector<std::string_view> ids;
    ids.reserve(spans.size());
    for (const Span& s : spans)
        ids.push_back(s.spanId);
    std::sort(ids.begin(), ids.end());
    return std::adjacent_find(ids.begin(), ids.end()) != ids.end();
}

} // namespace

TraceMerger::TraceMerger(Trace first) : trace_(std::move(first))
{
    hasRoot_ = std::any_of(trace_.spans.begin(), trace_.spans.end(),
                           [](const Span& s) { return s.parentSpanId.empty(); });
}

std::size_t TraceMerger::add(Trace&& piece)
{
    if (index_.empty())
        indexFirstPiece();
    const std::size_t before = trace_.spans.size();
    for (Span& s : piece.spans)
        addSpan(std::move(s));
    if (trace_.input.empty())
        trace_.input = std::move(piece.input);
    if (trace_.output.empty())
        trace_.output = std::move(piece.output);
    addMissing(trace_.exchanges, std::move(piece.exchanges));
    return trace_.spans.size() - before;
}

Trace TraceMerger::take()
{
    if (index_.empty() && hasRepeats(trace_.spans))
        indexFirstPiece();
    return std::move(trace_);
}

// The first piece's own repeats of a span id fold into its first copy, as later pieces' do.
void TraceMerger::indexFirstPiece()
{
    std::vector<Span> spans = std::move(trace_.spans);
    trace_.spans.clear();
    for (Span& s : spans)
        addSpan(std::move(s));
}

void TraceMerger::addSpan(Span&& span)
{
    const auto [it, added] = index_.emplace(span.spanId, trace_.spans.size());
    if (!added)
        return fill(trace_.spans[it->second], std::move(span));
    hasRoot_ = hasRoot_ || span.parentSpanId.empty();
    trace_.spans.push_back(std::move(span));
}

} // namespace ts::import
