#include "trace/import/trace_assembler.h"

#include <algorithm>

namespace ts::import {

void TraceAssembler::add(Trace&& piece, int tag)
{
    clock_ += static_cast<std::int64_t>(std::max<std::size_t>(1, piece.spans.size()));
    auto it = waiting_.find(piece.traceId);
    if (it == waiting_.end()) {
        std::string id = piece.traceId;
        const std::size_t spans = piece.spans.size();
        it = waiting_.emplace(id, Waiting{TraceMerger(std::move(piece)), tag, ++serial_}).first;
        arrivals_.push_back({clock_, serial_, id});
        waitingSpans_ += spans;
        if (it->second.merger.hasRoot())
            roots_.push_back({clock_, serial_, std::move(id)});
    } else {
        const bool hadRoot = it->second.merger.hasRoot();
        waitingSpans_ += it->second.merger.add(std::move(piece));
        if (!hadRoot && it->second.merger.hasRoot())
            roots_.push_back({clock_, it->second.serial, it->first});
    }
    releaseDue();
}

void TraceAssembler::releaseDue()
{
    while (!roots_.empty() && roots_.front().clock + limits_.graceSpans <= clock_) {
        release(roots_.front());
        roots_.pop_front();
    }
    while (!arrivals_.empty() &&
           (arrivals_.front().clock + limits_.maxAgeSpans <= clock_ || waitingSpans_ > limits_.maxSpans ||
            !waiting_.count(arrivals_.front().traceId))) {
        release(arrivals_.front());
        arrivals_.pop_front();
    }
}

// Lets the trace go unless the mark is from an earlier stay of it.
void TraceAssembler::release(const Mark& mark)
{
    const auto it = waiting_.find(mark.traceId);
    if (it == waiting_.end() || it->second.serial != mark.serial)
        return;
    Trace trace = it->second.merger.take();
    const int tag = it->second.tag;
    waiting_.erase(it);
    waitingSpans_ -= std::min(waitingSpans_, trace.spans.size());
    release_(std::move(trace), tag);
}

void TraceAssembler::releaseAll()
{
    for (const Mark& mark : arrivals_)
        release(mark);
    arrivals_.clear();
    roots_.clear();
}

void TraceAssembler::discardAll()
{
    waiting_.clear();
    arrivals_.clear();
    roots_.clear();
    waitingSpans_ = 0;
}

} // namespace ts::import
