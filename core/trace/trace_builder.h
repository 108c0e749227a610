#pragma once
#include "model/clock.h"
#include "model/ids.h"
#include "model/trace.h"

#include <deque>
#include <string>

namespace ts {

// Collects the spans of one trace as the pipeline runs. Spans live in a deque, so a reference
// returned by begin() stays valid while later spans are added. Used by one thread at a time.
class TraceBuilder
{
public:
    TraceBuilder(Clock& clock, IdSource& ids);
    const std::string& traceId() const { return trace_.traceId; }
    Clock& clock() { return clock_; }
    IdSource& ids() { return ids_; }

    Span& begin(std::string name, const std::string& parentSpanId, SpanKind kind = SpanKind::Internal);
    void end(Span& span, SpanStatus status = SpanStatus::Ok, std::string message = {});

    Trace& trace() { return trace_; } // messages and exchanges are added here directly
    Trace take();                     // moves the spans in, summarises, leaves the builder empty

private:
    Clock& clock_;
    IdSource& ids_;
    std::deque<Span> spans_;
    Trace trace_;
};


} // namespace ts
