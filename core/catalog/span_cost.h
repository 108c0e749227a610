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

// "Explain this cost" for a recorded model call, priced by today's catalog, with the cost the
// provider or the imported log reported beside it. nullopt when the span has no usage.
std::optional<CostExplanation> explainSpanCost(const Span& span, const Catalog& catalog);

} // namespace ts
