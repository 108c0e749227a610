#include "gateway/request_estimate.h"

#include "catalog/cost.h"
#include "tokens/model_tokens.h"

#include <algorithm>

namespace ts {

RequestEstimate estimateRequest(const ChatRequest& request, const ModelInfo* model)
{
    const ModelTokenCounter counter = model ? ModelTokenCounter(model->tokenizer) : ModelTokenCounter::forModel(request.model);
    return estimateRequest(request, model, counter.countChat(request.messages, request.tools).tokens);
}

RequestEstimate estimateRequest(const ChatRequest& request, const ModelInfo* model, std::int64_t inputTokens)
{
    RequestEstimate e;
    e.inputTokens = inputTokens;
    const std::int64_t modelCap = model && model->maxOutputTokens > 0 ? model->maxOutputTokens : kUnknownOutputCap;
    e.maxOutputTokens = request.maxTokens && *request.maxTokens > 0 ? std::min<std::int64_t>(*request.maxTokens, modelCap)
                                                                     : modelCap;
    if (!model || !model->prices.input || !model->prices.output)
        return e;
    e.priced = true;
    Usage worst;
    worst.inputTokens = inputTokens;
    worst.outputTokens = e.maxOutputTokens;
    e.worstCaseUsd = costOf(*model, worst).total();
    Usage typical = worst;
    typical.outputTokens = std::min(e.maxOutputTokens, kTypicalOutputTokens);
    e.typicalUsd = costOf(*model, typical).total();
    return e;
}

} // namespace ts
