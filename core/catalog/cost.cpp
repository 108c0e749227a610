#include "catalog/cost.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ts {

namespace {

constexpr double kPerToken = 1e-6;

struct PriceChoice
{
    double perMTok = 0;
    std::string note;
};

// The price for one usage type: its own price, else the fallback the providers bill, with the
// tier for this request's input size and the batch discount applied.
PriceChoice choose(const std::optional<TieredPrice>& own, const std::optional<TieredPrice>& fallback,
                   const char* fallbackNote, std::int64_t requestInput, double batchFactor)
{
    PriceChoice c;
    const TieredPrice* p = own ? &*own : fallback ? &*fallback : nullptr;
    if (!own && fallback)
        c.note = fallbackNote;
    if (!p)
        return c;
    c.perMTok = p->perMTokAt(requestInput) * batchFactor;
    const TieredPrice::Tier* inForce = nullptr;
    for (const TieredPrice::Tier& t : p->tiers)
        if (requestInput > t.aboveInputTokens)
            inForce = &t;
    if (inForce) {
        const std::string tier = "long-context price: request input above " +
                                 std::to_string(inForce->aboveInputTokens) + " tokens";
        c.note = c.note.empty() ? tier : c.note + "; " + tier;
    }
    return c;
}

// Usage is in one convention (model/usage.h): input counts cached reads and writes; output
// counts reasoning. Each token is priced once, in the most specific class it belongs to.
struct TokenClasses
{
    std::int64_t uncached, read, write5m, write1h, visible, reasoning;
};

TokenClasses classesOf(const Usage& usage)
{
    TokenClasses c{};
    c.write1h = std::clamp<std::int64_t>(usage.cacheWrite1hTokens, 0, usage.cacheWriteTokens);
    c.write5m = usage.cacheWriteTokens - c.write1h;
    c.read = usage.cacheReadTokens;
    c.uncached = std::max<std::int64_t>(0, usage.inputTokens - usage.cacheReadTokens - usage.cacheWriteTokens);
    c.reasoning = std::clamp<std::int64_t>(usage.reasoningTokens, 0, usage.outputTokens);
    c.visible = usage.outputTokens - c.reasoning;
    return c;
}

double batchFactor(const Prices& p, CostOptions options)
{
    return options.batch && p.batchDiscount > 0 ? 1.0 - p.batchDiscount : 1.0;
}

CostLine line(std::string item, std::int64_t tokens, const PriceChoice& price)
{
    return {std::move(item), tokens, price.perMTok, static_cast<double>(tokens) * price.perMTok * kPerToken,
            price.note};
}

// Amounts to a millionth of a dollar: a single request often costs less than a cent.
std::string money(double usd)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, std::fabs(usd) >= 1000 ? "$%.2f" : "$%.6f", usd);
    return buf;
}

// $2.50/MTok, $0.075/MTok: two decimals at least, more only where the price has them.
std::string perMillion(double p)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6f", p);
    std::string s = buf;
    while (s.size() > 1 && s.back() == '0' && s[s.size() - 3] != '.')
        s.pop_back();
    return "$" + s + "/MTok";
}

std::string withThousands(std::int64_t n)
{
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

} // namespace

bool CostExplanation::differs() const
{
    if (!reportedUsd || !breakdown.known)
        return false;
    // Providers round their figures; flag what rounding cannot explain: more than 1% and more
    // than a hundredth of a cent apart.
    const double diff = std::fabs(*reportedUsd - total());
    return diff > 1e-4 && diff > 0.01 * std::max(std::fabs(*reportedUsd), std::fabs(total()));
}

CostExplanation explainCost(const ModelInfo& model, const Usage& usage, CostOptions options)
{
    CostExplanation e;
    e.modelId = model.id;
    e.provider = model.provider;
    e.source = model.source.empty() ? model.origin : model.source + (model.sourceDate.empty() ? "" : ", " + model.sourceDate);
    const Prices& p = model.prices;
    if (!p.input || !p.output) {
        e.notes.push_back("no price listed for " + model.id + ": cost unknown");
        return e;
    }
    const double batch = batchFactor(p, options);
    if (options.batch)
        e.notes.push_back(p.batchDiscount > 0 ? "batch API: " + std::to_string(static_cast<int>(std::lround(p.batchDiscount * 100))) + "% discount applied"
                                              : "batch API: no batch discount listed for this model");
    const std::int64_t in = usage.inputTokens;

    const auto [uncached, read, write5m, write1h, visible, reasoning] = classesOf(usage);
    if (usage.cacheReadTokens + usage.cacheWriteTokens > in)
        e.notes.push_back("usage reports more cached than total input tokens; uncached input counted as 0");

    e.lines.push_back(line("Input (uncached)", uncached, choose(p.input, std::nullopt, "", in, batch)));
    if (read)
        e.lines.push_back(line("Cached input (read)", read,
                               choose(p.cachedInput, p.input, "priced as input: no cached-input price listed", in, batch)));
    if (write5m)
        e.lines.push_back(line("Cache write (5 min)", write5m,
                               choose(p.cacheWrite5m, p.input, "priced as input: no cache-write price listed", in, batch)));
    if (write1h)
        e.lines.push_back(line("Cache write (1 h)", write1h,
                               choose(p.cacheWrite1h, p.cacheWrite5m ? p.cacheWrite5m : p.input,
                                      "priced as a 5-minute write: no 1-hour price listed", in, batch)));
    e.lines.push_back(line("Output", visible, choose(p.output, std::nullopt, "", in, batch)));
    if (reasoning)
        e.lines.push_back(line("Reasoning", reasoning,
                               choose(p.reasoning, p.output, "billed as output tokens", in, batch)));

    CostBreakdown& b = e.breakdown;
    b.known = true;
    for (const CostLine& l : e.lines) {
        if (l.item.starts_with("Input"))
            b.input += l.usd;
        else if (l.item.starts_with("Cached"))
            b.cacheRead += l.usd;
        else if (l.item.starts_with("Cache write"))
            b.cacheWrite += l.usd;
        else if (l.item == "Output")
            b.output += l.usd;
        else
            b.reasoning += l.usd;
    }
    if (!usage.reported)
        e.notes.push_back("token counts are Tokenscope's estimate, not the provider's report");
    return e;
}

// The same figures as explainCost() without its lines and notes: re-pricing a million calls
// cannot afford their strings. test_cost checks that the two agree.
CostBreakdown costOf(const ModelInfo& model, const Usage& usage, CostOptions options)
{
    CostBreakdown b;
    const Prices& p = model.prices;
    if (!p.input || !p.output)
        return b;
    const double batch = batchFactor(p, options);
    const std::int64_t in = usage.inputTokens;
    auto usd = [&](std::int64_t tokens, const std::optional<TieredPrice>& own, const std::optional<TieredPrice>& fallback) {
        const TieredPrice* price = own ? &*own : fallback ? &*fallback : nullptr;
        return price && tokens ? static_cast<double>(tokens) * (price->perMTokAt(in) * batch) * kPerToken : 0.0;
    };
    const TokenClasses c = classesOf(usage);
    b.input = usd(c.uncached, p.input, std::nullopt);
    b.cacheRead = usd(c.read, p.cachedInput, p.input);
    b.cacheWrite = usd(c.write5m, p.cacheWrite5m, p.input) +
                   usd(c.write1h, p.cacheWrite1h, p.cacheWrite5m ? p.cacheWrite5m : p.input);
    b.output = usd(c.visible, p.output, std::nullopt);
    b.reasoning = usd(c.reasoning, p.reasoning, p.output);
    b.known = true;
    return b;
}

std::string formatExplanation(const CostExplanation& e)
{
    std::string out = "Cost of " + e.modelId + (e.provider.empty() ? "" : " (" + e.provider + ")") + "\n";
    if (!e.breakdown.known) {
        for (const std::string& n : e.notes)
            out += "  " + n + "\n";
        return out;
    }
    for (const CostLine& l : e.lines) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "  %-20s %12s x %-16s = %s", l.item.c_str(), withThousands(l.tokens).c_str(),
                      perMillion(l.perMTok).c_str(), money(l.usd).c_str());
        out += buf;
        if (!l.note.empty())
            out += "  (" + l.note + ")";
        out += "\n";
    }
    out += "  Total " + money(e.total()) + "\n";
    if (e.reportedUsd) {
        out += "  Reported by the provider " + money(*e.reportedUsd);
        out += e.differs() ? "  -- DIFFERS from the computed cost\n" : " (agrees)\n";
    }
    for (const std::string& n : e.notes)
        out += "  Note: " + n + "\n";
    if (!e.source.empty())
        out += "  Prices: " + e.source + "\n";
    return out;
}

} // namespace ts
