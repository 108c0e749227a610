#include "trace/trace_builder.h"

#include "model/span.h"

namespace ts {

std::string IdSource::hex(int bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(static_cast<size_t>(bytes) * 2, '0');
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < out.size(); i += 16) {
        std::uint64_t r = rng_();
        for (size_t j = i; j < std::min(out.size(), i + 16); ++j, r >>= 4)
            out[j] = digits[r & 0xF];
    }
    return out;
}

std::string IdSource::traceId() { return seeded_ ? hex(16) : newTraceId(); }
std::string IdSource::spanId() { return seeded_ ? hex(8) : newSpanId(); }

IdSource& randomIds()
{
    static IdSource ids;
    return ids;
}

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
