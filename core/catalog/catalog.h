#pragma once
#include "model/usage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

// What Tokenscope knows of a model: window, prices (USD per million tokens) and tokenizer.
struct ModelInfo
{
    std::string id;     // as the provider names it, e.g. gpt-4o-mini
    std::string family; // openai, anthropic, google, meta, local
    std::int64_t contextWindow = 0;
    std::int64_t maxOutputTokens = 0;
    double inputPerMTok = 0;
    double outputPerMTok = 0;
    double cacheReadPerMTok = 0;  // 0: no discount known, priced as input
    double cacheWritePerMTok = 0; // 0: priced as input
    std::string tokenizer;        // o200k_base, cl100k_base, or an estimate's name
};

struct CostBreakdown
{
    double input = 0; // uncached input
    double cacheRead = 0;
    double cacheWrite = 0;
    double output = 0; // reasoning included
    bool known = false; // false: the model has no price in the catalog

    double total() const { return input + cacheRead + cacheWrite + output; }
};

// The built-in catalog. Issue #3 replaces its small price table with a vendored price snapshot.
class Catalog
{
public:
    static const Catalog& builtin();
    explicit Catalog(std::vector<ModelInfo> models) : models_(std::move(models)) {}

    const ModelInfo* find(std::string_view modelId) const; // exact, then the longest dated-prefix match
    const std::vector<ModelInfo>& models() const { return models_; }
    CostBreakdown cost(std::string_view modelId, const Usage& usage) const;

private:
    std::vector<ModelInfo> models_;
};

CostBreakdown costOf(const ModelInfo& model, const Usage& usage);

} // namespace ts
