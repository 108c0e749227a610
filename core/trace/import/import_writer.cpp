#include "trace/import/import_writer.h"

#include "trace/import/trace_finish.h"
#include "trace/import/trace_merge.h"

#include <functional>

namespace ts::import {

namespace {

// Whether a freshly finished trace holds what its stored copy holds.
bool sameAsStored(const Trace& fresh, const Trace& stored)
{
    return fresh.spans == stored.spans && fresh.exchanges == stored.exchanges &&
           fresh.input == stored.input && fresh.output == stored.output;
}

} // namespace

ImportWriter::ImportWriter(TraceStore& store, const Catalog& catalog)
    : store_(store), reader_(store.reader()), catalog_(catalog), lookUp_(reader_->count({}) > 0)
{
}

ImportWriter::Outcome ImportWriter::put(Trace&& trace, std::string_view source)
{
    const std::uint64_t key = std::hash<std::string>{}(trace.traceId);
    if (written_.count(key)) {
        // A late piece: what this import wrote must be committed before it can be read back.
        store_.flush();
        if (std::optional<Trace> earlier = reader_->load(trace.traceId)) {
            TraceMerger merger(std::move(*earlier));
            merger.add(std::move(trace));
            trace = merger.take();
        }
    }
    finishTrace(trace, source, catalog_);
    if (lookUp_ && !written_.count(key))
        if (const std::optional<Trace> kept = reader_->load(trace.traceId);
            kept && sameAsStored(trace, *kept))
            return Outcome::Unchanged;
    written_.insert(key);
    store_.write(std::move(trace));
    return Outcome::Written;
}

} // namespace ts::import
