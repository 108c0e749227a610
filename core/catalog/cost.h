#pragma once
#include "catalog/model_info.h"
#include "model/usage.h"

#include <optional>
#include <string>
#include <vector>

namespace ts {

struct CostBreakdown
{
    double input = 0;      // uncached input
    double cacheRead = 0;
    double cacheWrite = 0; // 5-minute and 1-hour writes
    double output = 0;     // visible output
    double reasoning = 0;  // reasoning tokens (at the output price unless the model lists its own)
    bool known = false;    // false: the model has no price in the catalog

    double total() const { return input + cacheRead + cacheWrite + output + reasoning; }
};

// One line of "explain this cost": tokens x price = amount.
struct CostLine
{
    std::string item;   // "Input (uncached)", "Cached input", "Cache write (5 min)", "Output", ...
    std::int64_t tokens = 0;
    double perMTok = 0; // after tier and batch discount
    double usd = 0;
    std::string note;   // "priced as input: no cached-input price listed", "tier above 200k input"
};

struct CostOptions
{
    bool batch = false; // the request went through the provider's batch API
};

struct CostExplanation
{
    std::string modelId;
    std::string provider;
    std::vector<CostLine> lines;
    CostBreakdown breakdown;
    std::vector<std::string> notes; // how the usage was read, estimates, tier and batch applied
    std::string source;             // price source and date
    // Where the provider or an imported log reported its own figure.
    std::optional<double> reportedUsd;
    bool differs() const; // reported and computed disagree by more than a cent-fraction (see cost.cpp)
    double total() const { return breakdown.total(); }
};

CostBreakdown costOf(const ModelInfo& model, const Usage& usage, CostOptions options = {});
CostExplanation explainCost(const ModelInfo& model, const Usage& usage, CostOptions options = {});

// The explanation as text, one line an item, then the formula and notes (CLI and tooltips).
std::string formatExplanation(const CostExplanation& e);

} // namespace ts
