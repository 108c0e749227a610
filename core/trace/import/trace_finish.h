#pragma once
#include "catalog/catalog.h"
#include "model/trace.h"

#include <string_view>

namespace ts::import {

// Makes an assembled trace what the pipeline would have written (import_writer.h calls it):
//  - the root (the span without a parent, else the one whose parent is missing) goes first;
//  - the conversation: trace.input / trace.output from gen_ai.input.messages /
//    gen_ai.output.messages (span_messages.h) of the root, else of the first model call that has
//    them, which are then removed from that span;
//  - tokenscope.source `source` on the root, tokenscope.stage llm.call on model calls (spans marked
//    so, or unmarked chat / completion operations, or usage without an operation: an agent's span
//    that sums its children's usage is none, so the summary counts each token once), and a price
//    from the catalog on model calls that report usage but no cost (tokenscope.cost.usd and
//    .estimated; where the log reported its own cost, tokenscope.cost.reported_usd stays beside it
//    and .differs says whether they disagree);
// each only where the trace does not say so already, so a Tokenscope export comes back unchanged.
void finishTrace(Trace& trace, std::string_view source, const Catalog& catalog);

} // namespace ts::import
