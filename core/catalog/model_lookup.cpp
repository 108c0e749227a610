// Catalog::find: which entry prices a model id.
#include "catalog/catalog.h"
#include "catalog/model_match.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <tuple>

namespace ts {

namespace {

// Vendors that price their own models; on a tie they win over hosts that resell them (groq).
constexpr std::array<std::string_view, 13> kFirstParty = {
    "openai",     "anthropic", "google",     "mistral", "deepseek", "xai",  "cohere",
    "moonshotai", "minimax",   "perplexity", "zai",     "voyageai", "local"};

// Other spellings of our provider ids (OpenTelemetry, LiteLLM, OpenRouter, server names).
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kProviderAliases = {{
    {"x-ai", "xai"},
    {"x_ai", "xai"},
    {"gemini", "google"},
    {"gcp.gemini", "google"},
    {"mistral_ai", "mistral"},
    {"mistralai", "mistral"},
    {"moonshot", "moonshotai"},
    {"ollama", "local"},
    {"llama.cpp", "local"},
    {"llamacpp", "local"},
}};

std::string normalizedProvider(std::string_view provider)
{
    std::string p = asciiLower(provider);
    for (const auto& [alias, id] : kProviderAliases)
        if (p == alias)
            return std::string(id);
    return p;
}

int providerRank(const ModelInfo& m, std::string_view preferred)
{
    if (!preferred.empty() && m.provider == preferred)
        return 0;
    return std::find(kFirstParty.begin(), kFirstParty.end(), m.provider) != kFirstParty.end() ? 1 : 2;
}

bool isDate(std::string_view y, std::string_view m, std::string_view d)
{
    const auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    return digits(y) && digits(m) && digits(d) && y.starts_with("20") && m >= "01" && m <= "12" &&
           d >= "01" && d <= "31";
}

// The spellings to try: the id, then a compact date suffix written with dashes as the snapshot
// rules spell it (gpt-4o-20240806 → gpt-4o-2024-08-06), then the id without its date suffix.
std::vector<std::string> idForms(std::string_view id)
{
    std::vector<std::string> forms{std::string(id)};
    const std::size_t n = id.size();
    if (n > 9 && id[n - 9] == '-' && isDate(id.substr(n - 8, 4), id.substr(n - 4, 2), id.substr(n - 2))) {
        const std::string base(id.substr(0, n - 9));
        forms.push_back(base + "-" + std::string(id.substr(n - 8, 4)) + "-" +
                        std::string(id.substr(n - 4, 2)) + "-" + std::string(id.substr(n - 2)));
        forms.push_back(base);
    } else if (n > 11 && id[n - 11] == '-' && id[n - 6] == '-' && id[n - 3] == '-' &&
               isDate(id.substr(n - 10, 4), id.substr(n - 5, 2), id.substr(n - 2))) {
        forms.emplace_back(id.substr(0, n - 11));
    }
    return forms;
}

// The best candidate so far: preferred provider, then first party, then exact or pattern over
// prefix, then the longest prefix, then catalog order.
struct Best
{
    const std::vector<ModelInfo>& models;
    std::string_view pinned, preferred;
    const ModelInfo* model = nullptr;
    std::tuple<int, int, std::size_t, std::size_t> key;

    void consider(std::size_t index, bool byPrefix, std::size_t prefixLength)
    {
        const ModelInfo& m = models[index];
        if (!pinned.empty() && m.provider != pinned)
            return;
        const auto k = std::tuple(providerRank(m, preferred), byPrefix ? 1 : 0,
                                  std::numeric_limits<std::size_t>::max() - prefixLength, index);
        if (!model || k < key) {
            model = &m;
            key = k;
        }
    }
};

} // namespace

const ModelInfo* Catalog::lookup(std::string_view modelId, std::string_view pinned,
                                 std::string_view preferred) const
{
    for (const std::string& form : idForms(modelId)) {
        const std::string lower = asciiLower(form);
        Best best{models_, pinned, preferred};
        for (std::size_t i : matcher_->withId(lower))
            best.consider(i, false, 0);
        if (best.model)
            return best.model;
        for (const ModelMatcher::Hit& hit : matcher_->hits(lower))
            best.consider(hit.model, !hit.byPattern, hit.prefixLength);
        if (best.model)
            return best.model;
    }
    return nullptr;
}

const ModelInfo* Catalog::find(std::string_view modelId, std::string_view provider) const
{
    const std::string preferred = normalizedProvider(provider);
    // An id that is itself in the catalog wins: "openai/gpt-oss-120b" is Groq's name for a model.
    const std::vector<std::size_t> exact = matcher_->withId(asciiLower(modelId));
    if (!exact.empty()) {
        Best best{models_, {}, preferred};
        for (std::size_t i : exact)
            best.consider(i, false, 0);
        return best.model;
    }
    if (const std::size_t slash = modelId.find('/'); slash != std::string_view::npos) {
        const std::string pinned = normalizedProvider(modelId.substr(0, slash));
        if (std::any_of(models_.begin(), models_.end(),
                        [&](const ModelInfo& m) { return m.provider == pinned; }))
            return lookup(modelId.substr(slash + 1), pinned, pinned);
    }
    return lookup(modelId, {}, preferred);
}

} // namespace ts
