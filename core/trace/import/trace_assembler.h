#pragma once
#include "trace/import/trace_merge.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

namespace ts::import {

// Holds the traces a log is still adding to, merging pieces as they come, and lets each go once
// it is likely complete, so memory stays bounded however long the log: `graceSpans` spans after
// its root arrived, or `maxAgeSpans` after its first piece when no root comes, or (oldest first)
// when more than `maxSpans` spans wait. A piece arriving after its trace went out starts it
// anew; the caller merges that with what it stored (import_writer.h).
class TraceAssembler
{
  public:
    struct Limits
    {
        std::int64_t graceSpans = 5'000;
        std::int64_t maxAgeSpans = 100'000;
        std::size_t maxSpans = 50'000;
    };
    // Called with each trace let go, and the number the first piece was added with.
    using Release = std::function<void(Trace&&, int tag)>;

    explicit TraceAssembler(Release release) : TraceAssembler(std::move(release), Limits{}) {}
    TraceAssembler(Release release, Limits limits) : release_(std::move(release)), limits_(limits) {}

    void add(Trace&& piece, int tag);
    void releaseAll();
    // Drops what waits (a cancelled import writes only whole traces).
    void discardAll();

  private:
    struct Waiting
    {
        TraceMerger merger;
        int tag;
        std::uint64_t serial; // tells this stay apart from an earlier one of the same trace
    };
    struct Mark
    {
        std::int64_t clock;
        std::uint64_t serial;
        std::string traceId;
    };

    void releaseDue();
    void release(const Mark& mark);

    Release release_;
    Limits limits_;
    std::unordered_map<std::string, Waiting> waiting_;
    std::deque<Mark> roots_;    // in the order roots arrived
    std::deque<Mark> arrivals_; // in the order traces first arrived
    std::int64_t clock_ = 0;    // spans added so far
    std::uint64_t serial_ = 0;
    std::size_t waitingSpans_ = 0;
};

} // namespace ts::import
