#pragma once
#include <cstdint>

namespace ts {

// Token usage in one convention whatever the provider's: inputTokens counts every billed input
// token, cache reads and writes included; outputTokens includes reasoning tokens.
// (OTel gen_ai.usage.* semantics; see shared/reference/formats.md §5.1.)
struct Usage
{
    std::int64_t inputTokens = 0;
    std::int64_t outputTokens = 0;
    std::int64_t cacheReadTokens = 0;  // part of inputTokens
    std::int64_t cacheWriteTokens = 0; // part of inputTokens
    std::int64_t cacheWrite1hTokens = 0; // part of cacheWriteTokens: Anthropic's 1-hour cache writes
    std::int64_t reasoningTokens = 0;  // part of outputTokens
    bool reported = false;             // false: estimated by Tokenscope, not reported by the provider

    std::int64_t totalTokens() const { return inputTokens + outputTokens; }
    bool operator==(const Usage&) const = default;
};

} // namespace ts
