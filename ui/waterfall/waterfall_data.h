#pragma once
#include "model/trace.h"
#include "trace/critical_path.h"
#include "waterfall/span_category.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace ts::ui {

// One row of the waterfall: a span in display order with what the painter needs at hand.
struct WaterfallRow
{
    enum Flag : std::uint8_t { Error = 1, Retry = 2, Fallback = 4, Critical = 8, Streamed = 16 };

    std::uint32_t span = 0;    // index into the trace's spans
    std::uint32_t depth = 0;
    std::uint32_t subtree = 1; // rows in its subtree, itself included
    std::uint32_t firstSection = 0; // its stretches of the critical path in WaterfallData::sections
    std::uint32_t sectionCount = 0;
    std::uint16_t attempt = 0; // tokenscope.attempt; 0 when absent
    SpanCategory category = SpanCategory::Internal;
    std::uint8_t flags = 0;

    bool has(Flag f) const { return (flags & f) != 0; }
};

// A streamed model call: when its first token came and when each chunk arrived (absolute times).
struct StreamMarks
{
    std::optional<Nanos> firstToken;
    std::vector<Nanos> arrivals;
};

// Everything the waterfall shows of one trace, laid out off the GUI thread and never changed after:
// rows in display order, the critical path, the streams of model calls, and a few totals.
struct WaterfallData
{
    std::shared_ptr<const Trace> trace;
    std::vector<WaterfallRow> rows;
    std::vector<CriticalSection> path;     // in time order
    std::vector<CriticalSection> sections; // the same, grouped by row (see WaterfallRow::firstSection)
    std::vector<std::uint32_t> criticalSpans;
    std::vector<std::pair<std::uint32_t, StreamMarks>> streams; // by row, sorted
    Nanos start = 0; // earliest start and latest end of any span
    Nanos end = 0;
    std::optional<Nanos> firstToken; // the trace's time to first token (summary), absolute
    int errors = 0;
    int retries = 0;
    int fallbacks = 0;
    std::uint32_t maxDepth = 0;

    const Span& spanAt(std::size_t row) const { return trace->spans[rows[row].span]; }
    const StreamMarks* streamOf(std::size_t row) const;
    std::optional<std::size_t> rowOfSpan(std::string_view spanId) const;
    Nanos criticalTimeOf(std::size_t row) const; // how long the trace waited on this span itself
};

// Lays a trace out in O(n log n) of its spans; meant for a worker thread.
WaterfallData buildWaterfall(Trace trace);

} // namespace ts::ui
