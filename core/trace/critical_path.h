#pragma once
#include "model/span.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace ts {

// Span id → index into the spans, for traces of 100,000 spans: one open-addressing table of indices
// (no allocation per span, which a node-based map spends most of its time on). The first of
// duplicated ids wins. Holds a reference to the spans.
class SpanIdIndex
{
public:
    static constexpr std::uint32_t kMissing = 0xffffffffu;

    explicit SpanIdIndex(const std::vector<Span>& spans);
    std::uint32_t find(std::string_view spanId) const;

private:
    const std::vector<Span>& spans_;
    std::vector<std::uint32_t> slots_; // span index + 1; 0 is empty
    std::size_t mask_ = 0;
};

// The parent/child structure of a trace's spans by index, and their display order: pre-order, each
// span's children by start time (ties keep the stored order). Spans whose parent is missing, or that
// sit on a parent cycle, become top-level. Built in O(n log n) without recursion, so a 100,000-span
// trace or a chain thousands of spans deep is fine.
struct SpanTree
{
    static constexpr std::uint32_t kNone = 0xffffffffu;

    std::vector<std::uint32_t> parent;   // per span: its parent's index, kNone for a top-level span
    std::vector<std::uint32_t> order;    // span indices in display order
    std::vector<std::uint32_t> depth;    // per display row: 0 for top-level spans
    std::vector<std::uint32_t> subtree;  // per display row: rows in its subtree, itself included
    std::vector<std::uint32_t> rowOf;    // per span: its display row
    std::uint32_t root = kNone;          // the trace's root: the first span without a parent id

    std::size_t size() const { return order.size(); }
};

SpanTree buildSpanTree(const std::vector<Span>& spans);

// One stretch of the critical path: while [start, end) the trace waited on this span itself, not on
// any of its children.
struct CriticalSection
{
    std::uint32_t span = 0;
    Nanos start = 0;
    Nanos end = 0;

    bool operator==(const CriticalSection&) const = default;
};

// The chain of spans that determines when the root ends, in time order. From the root, the child
// that finished last (before the point we are walking back from) is followed; when a span has no
// such child left, the walk returns to its parent at the span's start. Overlapping siblings that
// finished later than the one followed are on the path; the ones hidden behind it are not.
std::vector<CriticalSection> criticalPath(const std::vector<Span>& spans, const SpanTree& tree);

// The spans with at least one section, in path order, each once.
std::vector<std::uint32_t> criticalSpans(const std::vector<CriticalSection>& path);

} // namespace ts
