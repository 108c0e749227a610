#pragma once
#include "trace/filter.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ts {
class CancelToken;
class TraceReader;
} // namespace ts

namespace ts::ui::drift {

// The prompt previews (start of the last user message) of up to `most` traces the filter selects, spread
// evenly over them in time order (every k-th trace, oldest first), so a busy hour does not crowd out the
// rest of the window. Empty once cancelled.
std::vector<std::string> samplePrompts(TraceReader& reader, const TraceFilter& filter, std::size_t most,
                                       const CancelToken& cancel);

} // namespace ts::ui::drift
