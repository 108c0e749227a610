#pragma once
#include "catalog/catalog.h"
#include "trace/store.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_set>

namespace ts::import {

// Finishes each assembled trace (trace_finish.h) and writes it, so that importing a log again adds
// nothing twice: a trace identical to its stored copy is not rewritten, a changed one replaces it
// (same ids), and a late piece of a trace this import already wrote is merged with that copy.
class ImportWriter
{
  public:
    enum class Outcome { Written, Unchanged };

    ImportWriter(TraceStore& store, const Catalog& catalog);

    Outcome put(Trace&& trace, std::string_view source);

  private:
    TraceStore& store_;
    std::unique_ptr<TraceReader> reader_;
    const Catalog& catalog_;
    std::unordered_set<std::uint64_t> written_; // hashes of the trace ids written so far
    // Whether the workspace held traces when the import began: into an empty one (the first
    // import) no trace is looked up before it is written, which halves the cost of writing.
    bool lookUp_;
};

} // namespace ts::import
