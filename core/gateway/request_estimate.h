#pragma once
#include "catalog/model_info.h"
#include "model/request.h"

#include <cstdint>

namespace ts {

// What a request will take before it is sent: its prompt counted with the model's tokenizer, and
// the most its reply may cost. Rate limits charge the tokens; budgets hold the worst case.
struct RequestEstimate
{
    std::int64_t inputTokens = 0;
    std::int64_t maxOutputTokens = 0; // max_tokens, else the model's limit, else kUnknownOutputCap
    double worstCaseUsd = 0;          // input at full price plus maxOutputTokens at the output price
    double typicalUsd = 0;            // input plus kTypicalOutputTokens: what "cheapest" compares
    bool priced = false;              // false: the model has no price in the catalog (costs count as 0)
};

inline constexpr std::int64_t kUnknownOutputCap = 8192;
inline constexpr std::int64_t kTypicalOutputTokens = 300;

// `model` may be null (not in the catalog).
RequestEstimate estimateRequest(const ChatRequest& request, const ModelInfo* model);
// The same prompt's input tokens, when they are already counted.
RequestEstimate estimateRequest(const ChatRequest& request, const ModelInfo* model, std::int64_t inputTokens);

} // namespace ts
