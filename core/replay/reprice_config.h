#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::replay {

// Prompt caching of the stable prefix: in an agent loop or a conversation each call resends the
// previous call's prompt and adds to it, so a provider's prompt cache would serve that prefix.
struct PromptCaching
{
    std::int64_t ttlSeconds = 300;   // the providers' default cache lifetime (5 minutes)
    std::int64_t minTokens = 1024;   // shorter prefixes are not cached (OpenAI, Anthropic Sonnet/Opus)
    bool operator==(const PromptCaching&) const = default;
};

// One "what if" to price the recorded calls under. Its parts combine: another model, the batch API,
// prompt caching. An alternative with none of them prices the traffic as recorded, at today's prices.
struct Alternative
{
    std::string name;
    std::optional<std::string> model;  // price the calls at this catalog model instead
    std::vector<std::string> from;     // ... only the calls of these models (empty: every call)
    bool batch = false;                // through the provider's batch API, at its batch discount
    std::optional<PromptCaching> promptCaching;
    bool operator==(const Alternative&) const = default;
};

struct RepriceConfig
{
    std::vector<Alternative> alternatives;
};

// Reads a replay config's "reprice" list:
//   {"reprice": [{"name": "all on gpt-4o-mini", "model": "gpt-4o-mini"},
//                {"name": "Claude via batch", "model": "claude-haiku-4-5", "from": ["gpt-4o"], "batch": true},
//                {"name": "prompt caching", "prompt_caching": {"ttl_s": 300, "min_tokens": 1024}}]}
// Throws std::invalid_argument with a message that names the entry and the field at fault.
RepriceConfig parseRepriceConfig(std::string_view json);
// The config as parseRepriceConfig() reads it (what the Replay panel saves for the command line).
std::string repriceConfigToJson(const RepriceConfig& config);

} // namespace ts::replay
