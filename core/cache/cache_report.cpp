#include "cache/cache_report.h"

#include "cache/prefix_key.h"
#include "catalog/cost.h"
#include "catalog/span_cost.h"
#include "model/attributes.h"

#include <algorithm>

namespace ts::cache {

namespace {

constexpr Nanos kNsPerDay = 86'400LL * kNsPerSec;

Nanos dayOf(Nanos t)
{
    const Nanos day = t / kNsPerDay * kNsPerDay;
    return day > t ? day - kNsPerDay : day; // floor, also before 1970
}

void addTo(LayerFigures& figures, bool hit, double saved)
{
    ++figures.requests;
    figures.hits += hit ? 1 : 0;
    figures.savedUsd += saved;
}

std::optional<CacheLayer> lookupLayer(const std::string& name)
{
    if (name == "exact")
        return CacheLayer::Exact;
    if (name == "semantic")
        return CacheLayer::Semantic;
    return std::nullopt; // "none": no cache was configured, nothing was looked up
}

// What the cached input tokens of one call saved against paying the full input price for them.
double discountOf(const ModelInfo& model, const Usage& usage)
{
    Usage uncached = usage;
    uncached.cacheReadTokens = 0;
    return costOf(model, uncached).total() - costOf(model, usage).total();
}

} // namespace

std::string_view layerName(CacheLayer layer)
{
    switch (layer) {
    case CacheLayer::Exact:
        return "exact";
    case CacheLayer::Semantic:
        return "semantic";
    case CacheLayer::ProviderPrefix:
        return "provider prefix";
    }
    return {};
}

bool CacheReport::anyHits() const
{
    return std::any_of(totals.begin(), totals.end(), [](const LayerFigures& f) { return f.hits > 0; });
}

void CacheReportBuilder::add(const Trace& trace)
{
    ++traces_;
    const Span* root = trace.root();
    const Nanos day = dayOf(root ? root->start : trace.summary.start);
    DayFigures& figures = days_[day];
    figures.day = day;
    for (const Span& span : trace.spans) {
        const std::string stage = span.attrString(attr::kStage);
        if (stage == "cache.lookup")
            addLookup(span, figures);
        else if (stage == "llm.call")
            addCall(span, trace, figures);
    }
}

// Every layer asked counts a lookup: with exact and semantic layers, a miss names both
// ("exact+semantic") and a semantic hit was an exact miss first (tokenscope.cache.asked).
void CacheReportBuilder::addLookup(const Span& span, DayFigures& day)
{
    const std::string answered = span.attrString(attr::kCacheLayer);
    const bool hit = span.attrBool(attr::kCacheHit);
    std::string asked = span.attrString(attr::kCacheAsked);
    if (asked.empty())
        asked = answered;
    for (std::size_t from = 0; from <= asked.size();) {
        const std::size_t plus = std::min(asked.find('+', from), asked.size());
        const std::string name = asked.substr(from, plus - from);
        from = plus + 1;
        const auto layer = lookupLayer(name);
        if (!layer)
            continue;
        const bool answeredHere = hit && name == answered;
        addTo(day.layers[static_cast<std::size_t>(*layer)], answeredHere,
              answeredHere ? span.attrDouble(attr::kCacheSavedUsd).value_or(0) : 0);
    }
}

void CacheReportBuilder::addCall(const Span& span, const Trace& trace, DayFigures& day)
{
    const auto usage = usageOfSpan(span);
    if (!usage)
        return;
    std::string provider = span.attrString(attr::kProviderName);
    if (provider.empty())
        provider = trace.summary.provider;
    const std::string model = span.attrString(attr::kRequestModel);
    const ModelInfo* info = catalog_.find(model, provider);
    const double discount = info && usage->cacheReadTokens > 0 ? discountOf(*info, *usage) : 0.0;
    const bool hit = usage->cacheReadTokens > 0;
    addTo(day.layers[static_cast<std::size_t>(CacheLayer::ProviderPrefix)], hit, discount);

    ProviderCaching& p = providers_[{provider, model}];
    p.provider = provider;
    p.model = model;
    ++p.calls;
    p.inputTokens += usage->inputTokens;
    p.cachedTokens += usage->cacheReadTokens;
    p.discountUsd += discount;
    p.priced = p.priced && info;

    const PrefixKey key = prefixKeyOf(trace.input);
    if (key.hash.empty())
        return;
    PrefixCaching& prefix = prefixes_[key.hash];
    prefix.hash = key.hash;
    prefix.label = key.label;
    ++prefix.calls;
    prefix.hits += hit ? 1 : 0;
    prefix.cachedTokens += usage->cacheReadTokens;
}

CacheReport CacheReportBuilder::finish() const
{
    CacheReport report;
    report.tracesRead = traces_;
    for (const auto& [day, figures] : days_) {
        report.days.push_back(figures);
        for (std::size_t i = 0; i < kCacheLayers.size(); ++i) {
            report.totals[i].requests += figures.layers[i].requests;
            report.totals[i].hits += figures.layers[i].hits;
            report.totals[i].savedUsd += figures.layers[i].savedUsd;
        }
    }
    for (const auto& [key, p] : providers_)
        report.providers.push_back(p);
    std::stable_sort(report.providers.begin(), report.providers.end(),
                     [](const auto& a, const auto& b) { return a.cachedTokens > b.cachedTokens; });
    for (const auto& [hash, p] : prefixes_)
        report.prefixes.push_back(p);
    std::stable_sort(report.prefixes.begin(), report.prefixes.end(),
                     [](const auto& a, const auto& b) { return a.calls > b.calls; });
    return report;
}

} // namespace ts::cache
