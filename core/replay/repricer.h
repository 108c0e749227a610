#pragma once
#include "catalog/catalog.h"
#include "model/cancel.h"
#include "replay/recorded_calls.h"
#include "replay/reprice_config.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ts::replay {

// What the calls cost on one model, under one alternative.
struct ModelCost
{
    std::string model; // the catalog id it was priced at, or the recorded name when unpriced
    std::int64_t calls = 0;
    double usd = 0;
    bool priced = true;
};

// One alternative's totals over the recorded calls.
struct AlternativeCost
{
    std::string name;
    double usd = 0;                     // the priced calls' cost
    std::int64_t calls = 0;
    std::int64_t unpricedCalls = 0;     // their model has no price in the catalog (not in usd)
    std::int64_t movedCalls = 0;        // priced at the alternative's model instead of their own
    std::int64_t batchCalls = 0;        // priced at a batch discount
    std::int64_t cacheReadTokens = 0;   // input tokens priced as cache reads
    std::int64_t cacheWriteTokens = 0;  // ... as cache writes
    std::vector<ModelCost> byModel;     // costliest first
    std::vector<std::string> notes;     // what could not be applied, and why
};

struct RepriceReport
{
    std::int64_t traces = 0;
    std::int64_t calls = 0;
    double recordedUsd = 0;            // the cost the calls were recorded with, where they were
    std::int64_t recordedCalls = 0;    // ... how many were
    std::string priceSource;           // the catalog's snapshot
    AlternativeCost asRecorded;        // the calls as they were made, at today's prices
    std::vector<AlternativeCost> alternatives;
};

// Prices the recorded calls as they were made and under each alternative, by the catalog's
// prices and the usage each call recorded (token counts are kept when a call moves to another
// model: tokenizers differ by a few percent, which the notes say). Nothing is sent anywhere.
// Throws std::invalid_argument when an alternative names a model the catalog does not know.
// nullopt when cancelled.
std::optional<RepriceReport> reprice(const CallSet& calls, const std::vector<Alternative>& alternatives,
                                     const Catalog& catalog, const CancelToken* cancel = nullptr);

} // namespace ts::replay
