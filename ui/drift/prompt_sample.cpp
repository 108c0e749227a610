#include "drift/prompt_sample.h"

#include "trace/store.h"

namespace ts::ui::drift {

std::vector<std::string> samplePrompts(TraceReader& reader, const TraceFilter& filter, std::size_t most,
                                       const CancelToken& cancel)
{
    const std::vector<std::int64_t> all = reader.rowIds(filter, {TraceOrderKey::Start, false}, &cancel);
    if (cancel.cancelled() || all.empty() || most == 0)
        return {};
    std::vector<std::int64_t> picked;
    const std::size_t n = std::min(most, all.size());
    picked.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        picked.push_back(all[i * all.size() / n]);
    std::vector<std::string> out;
    out.reserve(n);
    for (TraceSummary& s : reader.summaries(picked))
        out.push_back(std::move(s.preview));
    return out;
}

} // namespace ts::ui::drift
