#pragma once
#include "catalog/cost.h"
#include "model/request.h"
#include "model/span.h"
#include "providers/provider.h"

namespace ts {

// OTel GenAI attributes of an llm.call span: the request before the call, the result after it.
void recordCallRequest(Span& span, const Provider& provider, const ChatRequest& request);
void recordCallResult(Span& span, const CallResult& result, const CostExplanation& cost);
// Request metadata (user, session, tags, source) on the root span, for filters.
void recordRequestMeta(Span& root, const ChatRequest& request);

} // namespace ts
