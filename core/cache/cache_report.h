#pragma once
#include "catalog/catalog.h"
#include "model/trace.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace ts::cache {

// The three places an answer, or part of one, can come from without paying full price.
enum class CacheLayer { Exact, Semantic, ProviderPrefix };
inline constexpr std::array kCacheLayers{CacheLayer::Exact, CacheLayer::Semantic, CacheLayer::ProviderPrefix};
std::string_view layerName(CacheLayer layer); // "exact", "semantic", "provider prefix"

// Lookups in a layer: for exact and semantic, cache.lookup spans (a hit saves the original call's
// cost); for the provider prefix, model calls (a hit read cached input tokens and saved their
// discount).
struct LayerFigures
{
    std::int64_t requests = 0;
    std::int64_t hits = 0;
    double savedUsd = 0;

    double hitRate() const { return requests ? static_cast<double>(hits) / static_cast<double>(requests) : 0.0; }
    bool operator==(const LayerFigures&) const = default;
};

struct DayFigures
{
    Nanos day = 0; // UTC midnight
    std::array<LayerFigures, kCacheLayers.size()> layers;

    const LayerFigures& at(CacheLayer layer) const { return layers[static_cast<std::size_t>(layer)]; }
};

// Provider prompt caching of one model: the cached input tokens it reported and what they saved.
struct ProviderCaching
{
    std::string provider;
    std::string model;
    std::int64_t calls = 0;
    std::int64_t inputTokens = 0;  // every billed input token, cached ones included
    std::int64_t cachedTokens = 0; // cache reads
    double discountUsd = 0;        // those tokens at the full input price, minus what they cost
    bool priced = true;            // false: the model has no price in the catalog, discount unknown

    double share() const { return inputTokens ? static_cast<double>(cachedTokens) / static_cast<double>(inputTokens) : 0.0; }
};

// One shared prefix (prefix_key.h): how often calls that began with it read the provider's cache.
struct PrefixCaching
{
    std::string hash;
    std::string label;
    std::int64_t calls = 0;
    std::int64_t hits = 0; // calls that read cached input tokens
    std::int64_t cachedTokens = 0;

    double hitRatio() const { return calls ? static_cast<double>(hits) / static_cast<double>(calls) : 0.0; }
};

struct CacheReport
{
    std::int64_t tracesRead = 0;
    std::vector<DayFigures> days;            // oldest first; only days with traces
    std::array<LayerFigures, kCacheLayers.size()> totals;
    std::vector<ProviderCaching> providers;  // most cached tokens first
    std::vector<PrefixCaching> prefixes;     // most calls first

    const LayerFigures& total(CacheLayer layer) const { return totals[static_cast<std::size_t>(layer)]; }
    bool anyHits() const;
};

// Builds a CacheReport one trace at a time, so a worker can load traces and forget them. Prices come
// from the catalog given (today's prices, as the Cost panel uses).
class CacheReportBuilder
{
public:
    explicit CacheReportBuilder(const Catalog& catalog) : catalog_(catalog) {}

    void add(const Trace& trace);
    CacheReport finish() const;

private:
    void addLookup(const Span& span, DayFigures& day);
    void addCall(const Span& span, const Trace& trace, DayFigures& day);

    const Catalog& catalog_;
    std::int64_t traces_ = 0;
    std::map<Nanos, DayFigures> days_;
    std::map<std::tuple<std::string, std::string>, ProviderCaching> providers_;
    std::map<std::string, PrefixCaching> prefixes_;
};

} // namespace ts::cache
