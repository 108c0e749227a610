#include "catalog/span_cost.h"

#include "model/attributes.h"

#include <cmath>
#include <cstdio>

namespace ts {

std::optional<Usage> usageOfSpan(const Span& span)
{
    const auto in = span.attrInt(attr::kInputTokens);
    const auto out = span.attrInt(attr::kOutputTokens);
    if (!in && !out)
        return std::nullopt;
    Usage u;
    u.inputTokens = in.value_or(0);
    u.outputTokens = out.value_or(0);
    u.cacheReadTokens = span.attrInt(attr::kCacheReadTokens).value_or(0);
    u.cacheWriteTokens = span.attrInt(attr::kCacheWriteTokens).value_or(0);
    u.cacheWrite1hTokens = span.attrInt(attr::kCacheWrite1hTokens).value_or(0);
    u.reasoningTokens = span.attrInt(attr::kReasoningTokens).value_or(0);
    u.reported = span.attr(attr::kUsageReported) ? span.attrBool(attr::kUsageReported) : true;
    return u;
}

CostOptions costOptionsOf(const Span& span)
{
    return {.batch = span.attrBool(attr::kBatch)};
}

std::optional<CostExplanation> explainSpanCost(const Span& span, const Catalog& catalog)
{
    const auto usage = usageOfSpan(span);
    if (!usage)
        return std::nullopt;
    std::string model = span.attrString(attr::kRequestModel);
    if (model.empty())
        model = span.attrString(attr::kResponseModel);
    CostExplanation e;
    if (const ModelInfo* info = catalog.find(model, span.attrString(attr::kProviderName))) {
        e = explainCost(*info, *usage, costOptionsOf(span));
    } else {
        e.modelId = model;
        e.notes.push_back("no price for '" + model + "' in the catalog: cost unknown");
    }
    e.reportedUsd = span.attrDouble(attr::kCostReportedUsd);
    if (auto recorded = span.attrDouble(attr::kCostUsd); recorded && e.breakdown.known &&
                                                         std::abs(*recorded - e.total()) > 1e-9)
    {
        char buf[96];
        std::snprintf(buf, sizeof buf, "recorded at the time as $%.6f; prices have changed since", *recorded);
        e.notes.emplace_back(buf);
    }
    return e;
}

} // namespace ts
