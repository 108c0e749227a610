#pragma once
#include "model/trace.h"

#include <cstddef>
#include <string>
#include <unordered_map>

namespace ts::import {

// One trace put together from the pieces a log yields for it (record_mapper.h): a span seen again
// gets what it still lacked (an earlier piece's values win), events and exchanges not yet there are
// added, and the conversation comes from the first piece that has it.
class TraceMerger
{
  public:
    explicit TraceMerger(Trace first);

    // Returns how many spans the piece added.
    std::size_t add(Trace&& piece);
    // Whether some span has no parent (the trace's root has arrived).
    bool hasRoot() const { return hasRoot_; }
    Trace take();

  private:
    void indexFirstPiece();
    void addSpan(Span&& span);

    Trace trace_;
    // span id -> position; built when a second piece arrives (most traces come in one)
    std::unordered_map<std::string, std::size_t> index_;
    bool hasRoot_ = false;
};

} // namespace ts::import
