#pragma once
#include "catalog/catalog.h"
#include "catalog/cost.h"
#include "model/span.h"
#include "model/usage.h"

#include <optional>

namespace ts {

// The usage a model-call span recorded (gen_ai.usage.* and tokenscope.usage.*), or nullopt when
// it recorded none.
std::optional<Usage> usageOfSpan(const Span& span);

// How a recorded call is priced beyond its usage: a call sent through the provider's batch API
// (tokenscope.batch) gets the model's batch discount.
CostOptions costOptionsOf(const Span& span);

// "Explain this cost" for a recorded model call, priced by today's catalog, with the cost the
// provider or the imported log reported beside it. nullopt when the span has no usage.
std::optional<CostExplanation> explainSpanCost(const Span& span, const Catalog& catalog);

} // namespace ts
