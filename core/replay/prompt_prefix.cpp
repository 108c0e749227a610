#include "replay/prompt_prefix.h"

#include <algorithm>

namespace ts::replay {

namespace {

constexpr Nanos kNsPerSecond = 1'000'000'000;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

} // namespace

void applyPromptCaching(const PromptCaching& rule, const CallSet& set, const std::vector<const ModelInfo*>& pricedAt,
                        std::size_t begin, std::vector<Usage>& usages)
{
    const std::size_t n = usages.size();
    if (n < 2)
        return;
    const Nanos ttl = rule.ttlSeconds * kNsPerSecond;
    std::vector<std::size_t> from(n, kNone);
    std::vector<std::int64_t> prefix(n, 0);
    for (std::size_t k = 1; k < n; ++k) {
        const RecordedCall& call = set.calls[begin + k];
        const ModelInfo* model = pricedAt[call.model];
        if (!model)
            continue;
        for (std::size_t j = k; j-- > 0;) {
            const RecordedCall& earlier = set.calls[begin + j];
            if (call.start - earlier.start > ttl)
                break;
            if (pricedAt[earlier.model] != model)
                continue;
            const std::int64_t p = std::min(set.calls[begin + j].usage.inputTokens, usages[k].inputTokens);
            if (p >= rule.minTokens) {
                from[k] = j;
                prefix[k] = p;
            }
            break;
        }
    }
    std::vector<std::int64_t> written(n, 0);
    for (std::size_t k = 1; k < n; ++k) {
        if (from[k] == kNone)
            continue;
        usages[k].cacheReadTokens = std::max(usages[k].cacheReadTokens, prefix[k]);
        const std::size_t j = from[k];
        if (pricedAt[set.calls[begin + j].model]->prices.cacheWrite5m)
            written[j] = std::max(written[j], prefix[k] - usages[j].cacheReadTokens);
    }
    for (std::size_t j = 0; j < n; ++j) {
        Usage& u = usages[j];
        u.cacheReadTokens = std::min(u.cacheReadTokens, u.inputTokens);
        const std::int64_t room = u.inputTokens - u.cacheReadTokens;
        u.cacheWriteTokens = std::min(std::max(u.cacheWriteTokens, written[j]), room);
        u.cacheWrite1hTokens = std::min(u.cacheWrite1hTokens, u.cacheWriteTokens);
    }
}

} // namespace ts::replay
