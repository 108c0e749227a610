#include "trace/trace_builder.h"

#include "model/span.h"

namespace ts {

TraceBuilder::TraceBuilder(Clock& clock, IdSource& ids) : clock_(clock), ids_(ids)
{
    trace_.traceId = ids_.traceId();
}

Span& TraceBuilder::begin(std::string name, const std::string& parentSpanId, SpanKind kind)
{
    Span& s = spans_.emplace_back();
    s.traceId = trace_.traceId;
    s.spanId = ids_.spanId();
    s.parentSpanId = parentSpanId;
    s.name = std::move(name);
    s.kind = kind;
    s.start = clock_.now();
    return s;
}

void TraceBuilder::end(Span& span, SpanStatus status, std::string message)
{
    span.end = std::max(span.start, clock_.now());
    span.status = status;
    span.statusMessage = std::move(message);
}

Trace TraceBuilder::take()
{
    trace_.spans.assign(std::make_move_iterator(spans_.begin()), std::make_move_iterator(spans_.end()));
    spans_.clear();
    summarize(trace_);
    Trace out = std::move(trace_);
    trace_ = Trace{};
    trace_.traceId = ids_.traceId();
    return out;
}

} // namespace ts
