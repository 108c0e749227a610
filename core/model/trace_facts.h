#pragma once
#include <string>

namespace ts {

struct Trace;

// Where a request's time went, in milliseconds of its root span (each span counted once, in the
// outermost span that names a phase, so the phases add up to the root), and the few facts the live
// panels group and count by. Derived from the spans when a trace is summarised, stored with its row, so the
// store's rollups can add a trace in and take it out again without reading its spans.
struct TracePhases
{
    double guardMs = 0;      // guard.input and guard.output spans
    double cacheMs = 0;      // cache.lookup and cache.store
    double queueMs = 0;      // inside a route span but in no model call: rate-limit waits, back-off
    double networkMs = 0;    // model calls up to their first token (the whole call when nothing streamed,
                             // failed attempts included)
    double generationMs = 0; // model calls after their first token
    double toolsMs = 0;      // tool executions
    double otherMs = 0;      // the rest of the root: parsing, restoring, post-processing

    double total() const { return guardMs + cacheMs + queueMs + networkMs + generationMs + toolsMs + otherMs; }
    bool operator==(const TracePhases&) const = default;
};

struct TraceFacts
{
    std::string route;   // the route that served it (tokenscope.route), empty when none
    bool cacheHit = false;
    bool refused = false; // the model declined (content filter, or an answer that opens with a refusal)
    bool streamed = false;
    int guardFindings = 0;
    bool guardBlocked = false;
    double cacheSavedUsd = 0; // what a cache hit would have cost
    TracePhases phases;

    bool operator==(const TraceFacts&) const = default;
};

TraceFacts factsOf(const Trace& trace);

// Does this answer open by declining? ("I'm sorry, but I can't ...", "I cannot help with ...")
bool looksLikeRefusal(std::string_view answer);

} // namespace ts
