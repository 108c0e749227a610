#pragma once
#include "model/span.h"
#include "model/usage.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>

// What a Langfuse generation says it used and cost, and how it was asked.
namespace ts::import {

// usageDetails (or the older usage {input, output}) in Tokenscope's convention. Langfuse keeps
// usage types apart (input without the cached part, input_cached_tokens, cache_read_input_tokens,
// output_reasoning, ...) and counts every type whose name holds "input" as input, so they are
// summed back here. reported is false when the observation carries no token usage.
Usage langfuseUsage(const nlohmann::json& observation);

// Langfuse's own figure in USD: costDetails.total, else the older calculated or total cost.
std::optional<double> langfuseCost(const nlohmann::json& observation);

// modelParameters onto gen_ai.request.*; Langfuse often holds numbers as text ("0.7").
void noteModelParameters(Span& span, const nlohmann::json& observation);

} // namespace ts::import
