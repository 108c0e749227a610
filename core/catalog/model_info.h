#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ts {

// A price in USD per million tokens. Some models charge more for every token of a request whose
// input exceeds a threshold (Gemini 2.5 Pro above 200k, Claude Sonnet 4 with the 1M window):
// the tier whose threshold the request's total input tokens exceed sets the price.
struct TieredPrice
{
    struct Tier
    {
        std::int64_t aboveInputTokens = 0;
        double perMTok = 0;
        bool operator==(const Tier&) const = default;
    };
    double basePerMTok = 0;
    std::vector<Tier> tiers; // ascending thresholds

    TieredPrice() = default;
    TieredPrice(double base) : basePerMTok(base) {} // NOLINT(google-explicit-constructor): a flat price
    double perMTokAt(std::int64_t requestInputTokens) const
    {
        double p = basePerMTok;
        for (const Tier& t : tiers)
            if (requestInputTokens > t.aboveInputTokens)
                p = t.perMTok;
        return p;
    }
    bool operator==(const TieredPrice&) const = default;
};

// Prices per million tokens. An absent price means the provider lists none: cached input and
// cache writes then cost as input, reasoning as output (what the providers bill).
struct Prices
{
    std::optional<TieredPrice> input;
    std::optional<TieredPrice> cachedInput;  // cache reads
    std::optional<TieredPrice> cacheWrite5m; // Anthropic's default 5-minute cache write
    std::optional<TieredPrice> cacheWrite1h; // 1-hour cache write, where it differs
    std::optional<TieredPrice> output;
    std::optional<TieredPrice> reasoning;
    double batchDiscount = 0; // 0.5: batch requests cost half; 0: no batch API or discount known
    bool operator==(const Prices&) const = default;
};

// What Tokenscope knows of one model.
struct ModelInfo
{
    std::string id;       // canonical id as the provider names it, e.g. gpt-4o-mini
    std::string provider; // openai, anthropic, google, mistral, deepseek, ..., local
    std::string name;     // display name, e.g. "GPT-4o mini"
    std::int64_t contextWindow = 0;   // 0: unknown
    std::int64_t maxOutputTokens = 0; // 0: unknown
    Prices prices;
    // o200k_base or cl100k_base for exact counts; otherwise the estimate used:
    // "estimate:claude", "estimate:gemini", "estimate:llama", "estimate:generic".
    std::string tokenizer;
    std::string source;     // where the prices come from (URL or package)
    std::string sourceDate; // YYYY-MM-DD the prices were taken
    std::string origin;     // "shipped" or the override file's path
    // Match rules (from the snapshot): an id matches if equal, or starts with a prefix, or
    // matches a regex (PCRE2). Kept as data so overrides can add aliases.
    std::vector<std::string> prefixes;
    std::vector<std::string> patterns;

    bool free() const { return prices.input && prices.input->basePerMTok == 0 && prices.output && prices.output->basePerMTok == 0; }
};

} // namespace ts
