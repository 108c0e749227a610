#include "catalog/catalog.h"

namespace ts {

namespace {

// List prices in USD per million tokens, from the providers' public price pages (2025):
// openai.com/api/pricing, anthropic.com/pricing, ai.google.dev/pricing. Local models cost nothing.
std::vector<ModelInfo> builtinModels()
{
    return {
        {"gpt-4o", "openai", 128'000, 16'384, 2.50, 10.00, 1.25, 0, "o200k_base"},
        {"gpt-4o-mini", "openai", 128'000, 16'384, 0.15, 0.60, 0.075, 0, "o200k_base"},
        {"gpt-4.1", "openai", 1'047'576, 32'768, 2.00, 8.00, 0.50, 0, "o200k_base"},
        {"gpt-4.1-mini", "openai", 1'047'576, 32'768, 0.40, 1.60, 0.10, 0, "o200k_base"},
        {"gpt-4.1-nano", "openai", 1'047'576, 32'768, 0.10, 0.40, 0.025, 0, "o200k_base"},
        {"o4-mini", "openai", 200'000, 100'000, 1.10, 4.40, 0.275, 0, "o200k_base"},
        {"gpt-3.5-turbo", "openai", 16'385, 4'096, 0.50, 1.50, 0, 0, "cl100k_base"},
        {"claude-sonnet-4", "anthropic", 200'000, 64'000, 3.00, 15.00, 0.30, 3.75, "claude-estimate"},
        {"claude-opus-4", "anthropic", 200'000, 32'000, 15.00, 75.00, 1.50, 18.75, "claude-estimate"},
        {"claude-3-5-haiku", "anthropic", 200'000, 8'192, 0.80, 4.00, 0.08, 1.00, "claude-estimate"},
        {"gemini-2.0-flash", "google", 1'048'576, 8'192, 0.10, 0.40, 0.025, 0, "gemini-estimate"},
        {"gemini-2.5-pro", "google", 1'048'576, 65'536, 1.25, 10.00, 0.31, 0, "gemini-estimate"},
        {"llama3.1:8b", "local", 131'072, 8'192, 0, 0, 0, 0, "llama-estimate"},
    };
}

} // namespace

const Catalog& Catalog::builtin()
{
    static const Catalog catalog(builtinModels());
    return catalog;
}

const ModelInfo* Catalog::find(std::string_view modelId) const
{
    const ModelInfo* best = nullptr;
    for (const ModelInfo& m : models_) {
        if (m.id == modelId)
            return &m;
        // Dated snapshots (gpt-4o-2024-08-06, claude-sonnet-4-20250514) price as their family.
        bool prefix = modelId.size() > m.id.size() && modelId.substr(0, m.id.size()) == m.id
                      && modelId[m.id.size()] == '-';
        if (prefix && (!best || m.id.size() > best->id.size()))
            best = &m;
    }
    return best;
}

CostBreakdown costOf(const ModelInfo& model, const Usage& usage)
{
    constexpr double perToken = 1e-6;
    const double readPrice = model.cacheReadPerMTok > 0 ? model.cacheReadPerMTok : model.inputPerMTok;
    const double writePrice = model.cacheWritePerMTok > 0 ? model.cacheWritePerMTok : model.inputPerMTok;
    const std::int64_t uncached = std::max<std::int64_t>(
        0, usage.inputTokens - usage.cacheReadTokens - usage.cacheWriteTokens);
    CostBreakdown c;
    c.known = true;
    c.input = static_cast<double>(uncached) * model.inputPerMTok * perToken;
    c.cacheRead = static_cast<double>(usage.cacheReadTokens) * readPrice * perToken;
    c.cacheWrite = static_cast<double>(usage.cacheWriteTokens) * writePrice * perToken;
    c.output = static_cast<double>(usage.outputTokens) * model.outputPerMTok * perToken;
    return c;
}

CostBreakdown Catalog::cost(std::string_view modelId, const Usage& usage) const
{
    const ModelInfo* m = find(modelId);
    return m ? costOf(*m, usage) : CostBreakdown{};
}

} // namespace ts
