#include "serve/caller_stamp.h"

namespace ts::serve {

namespace {

thread_local const VirtualKey* t_key = nullptr;

void stamp(Trace& trace, const VirtualKey& key)
{
    for (Span& span : trace.spans) {
        if (!span.parentSpanId.empty())
            continue;
        span.attributes.insert_or_assign(std::string(kKeyAttr), key.name);
        if (!key.project.empty())
            span.attributes.insert_or_assign(std::string(kProjectAttr), key.project);
    }
}

} // namespace

CallerScope::CallerScope(const VirtualKey* key) : previous_(t_key) { t_key = key; }

CallerScope::~CallerScope() { t_key = previous_; }

Pipeline::TraceSink stampCaller(Pipeline::TraceSink sink)
{
    return [sink = std::move(sink)](Trace trace) {
        if (t_key)
            stamp(trace, *t_key);
        sink(std::move(trace));
    };
}

} // namespace ts::serve
