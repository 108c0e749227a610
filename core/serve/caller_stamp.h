#pragma once
#include "gateway/gateway_config.h"
#include "gateway/pipeline.h"

namespace ts::serve {

inline constexpr std::string_view kKeyAttr = "tokenscope.key";         // the virtual key's name
inline constexpr std::string_view kProjectAttr = "tokenscope.project"; // the key's project

// While alive, traces this thread hands to a stampCaller() sink carry the key's name and project on
// their root span. The pipeline calls its sink on the thread that ran the request, so the gateway
// marks who called without the pipeline knowing about keys.
class CallerScope
{
public:
    explicit CallerScope(const VirtualKey* key);
    ~CallerScope();
    CallerScope(const CallerScope&) = delete;
    CallerScope& operator=(const CallerScope&) = delete;

private:
    const VirtualKey* previous_;
};

// `sink`, with the current CallerScope's key stamped on each trace first.
Pipeline::TraceSink stampCaller(Pipeline::TraceSink sink);

} // namespace ts::serve
