#pragma once
#include "catalog/catalog.h"
#include "catalog/cost.h"

#include <QString>
#include <optional>
#include <string_view>

// Cost explanations as the UI shows them (tooltips, the Explain popup): formatExplanation's lines,
// or a plain sentence when the catalog has no price.
namespace ts::ui::costtext {

QString noPrice(); // "no price for this model in the catalog"

// The explanation of `usage` for `modelId` under the current catalog (with the user's overrides).
QString explain(std::string_view modelId, std::string_view provider, const Usage& usage,
                std::optional<double> reportedUsd = std::nullopt);
QString explain(const Catalog& catalog, std::string_view modelId, std::string_view provider,
                const Usage& usage, std::optional<double> reportedUsd = std::nullopt);
QString explain(const CostExplanation& e);

} // namespace ts::ui::costtext
