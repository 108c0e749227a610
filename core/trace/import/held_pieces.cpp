#include "trace/import/held_pieces.h"

#include <algorithm>

namespace ts::import {

namespace {

void fillSpan(Span& into, Span&& later)
{
    if (into.name.empty())
        into.name = std::move(later.name);
    if (into.parentSpanId.empty())
        into.parentSpanId = std::move(later.parentSpanId);
    if (into.start == 0 && into.end == 0) {
        into.start = later.start;
        into.end = later.end;
    }
    if (into.status == SpanStatus::Unset) {
        into.status = later.status;
        into.statusMessage = std::move(later.statusMessage);
    }
    if (into.kind == SpanKind::Internal)
        into.kind = later.kind;
    for (auto& [key, value] : later.attributes)
        into.attributes.emplace(key, std::move(value));
    for (SpanEvent& event : later.events)
        into.events.push_back(std::move(event));
}

} // namespace

void mergePiece(Trace& into, Trace&& later)
{
    for (Span& span : later.spans) {
        const auto same = std::find_if(into.spans.begin(), into.spans.end(),
                                       [&](const Span& s) { return s.spanId == span.spanId; });
        if (same != into.spans.end())
            fillSpan(*same, std::move(span));
        else
            into.spans.push_back(std::move(span));
    }
    if (into.input.empty())
        into.input = std::move(later.input);
    if (into.output.empty())
        into.output = std::move(later.output);
    for (Exchange& exchange : later.exchanges)
        into.exchanges.push_back(std::move(exchange));
}

Trace* HeldPieces::find(const std::string& key)
{
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second.piece;
}

void HeldPieces::hold(const std::string& key, Trace piece, std::size_t bytes)
{
    bytes_ += bytes;
    if (const auto it = entries_.find(key); it != entries_.end()) {
        mergePiece(it->second.piece, std::move(piece));
        it->second.bytes += bytes;
        return;
    }
    entries_.emplace(key, Entry{std::move(piece), bytes, nextAge_});
    byAge_.emplace(nextAge_++, key);
}

std::optional<Trace> HeldPieces::take(const std::string& key)
{
    const auto it = entries_.find(key);
    if (it == entries_.end())
        return std::nullopt;
    Trace piece = std::move(it->second.piece);
    bytes_ -= it->second.bytes;
    byAge_.erase(it->second.age);
    entries_.erase(it);
    return piece;
}

HeldPieces::Released HeldPieces::overBudget()
{
    return releaseWhile([](const HeldPieces& h) { return h.bytes_ > h.budget_; });
}

HeldPieces::Released HeldPieces::all()
{
    return releaseWhile([](const HeldPieces& h) { return !h.entries_.empty(); });
}

HeldPieces::Released HeldPieces::releaseWhile(bool (*more)(const HeldPieces&))
{
    Released out;
    while (!byAge_.empty() && more(*this)) {
        std::string key = byAge_.begin()->second;
        std::optional<Trace> piece = take(key);
        out.emplace_back(std::move(key), std::move(*piece));
    }
    return out;
}

} // namespace ts::import
