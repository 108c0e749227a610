#include "gateway/call_span.h"

#include "model/attributes.h"
#include "providers/error_category.h"

namespace ts {

namespace {

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : ",") + s;
    return out;
}

void setIfNonEmpty(Attributes& a, std::string_view key, const std::string& value)
{
    if (!value.empty())
        a.insert_or_assign(std::string(key), value);
}

} // namespace

void recordCallRequest(Span& span, const Provider& provider, const ChatRequest& request)
{
    auto& a = span.attributes;
    a.insert_or_assign(std::string(attr::kStage), std::string("llm.call"));
    a.insert_or_assign(std::string(attr::kOperationName), std::string("chat"));
    a.insert_or_assign(std::string(attr::kProviderName), provider.otelName());
    a.insert_or_assign(std::string(attr::kRequestModel), request.model);
    a.insert_or_assign(std::string(attr::kRequestStream), request.stream);
    if (request.temperature)
        a.insert_or_assign(std::string(attr::kRequestTemperature), *request.temperature);
    if (request.topP)
        a.insert_or_assign(std::string(attr::kRequestTopP), *request.topP);
    if (request.maxTokens)
        a.insert_or_assign(std::string(attr::kRequestMaxTokens), std::int64_t{*request.maxTokens});
    if (request.seed)
        a.insert_or_assign(std::string(attr::kRequestSeed), *request.seed);
    if (provider.simulated())
        a.insert_or_assign(std::string(attr::kSimulated), true);
}

void recordCallResult(Span& span, const CallResult& result, const CostExplanation& cost)
{
    auto& a = span.attributes;
    const Usage& u = result.response.usage;
    setIfNonEmpty(a, attr::kResponseId, result.response.id);
    setIfNonEmpty(a, attr::kResponseModel, result.response.model);
    if (!result.response.finishReason.empty())
        a.insert_or_assign(std::string(attr::kFinishReasons), std::vector<std::string>{result.response.finishReason});
    if (u.reported || u.inputTokens || u.outputTokens) {
        a.insert_or_assign(std::string(attr::kInputTokens), u.inputTokens);
        a.insert_or_assign(std::string(attr::kOutputTokens), u.outputTokens);
        a.insert_or_assign(std::string(attr::kCacheReadTokens), u.cacheReadTokens);
        a.insert_or_assign(std::string(attr::kCacheWriteTokens), u.cacheWriteTokens);
        a.insert_or_assign(std::string(attr::kReasoningTokens), u.reasoningTokens);
        a.insert_or_assign(std::string(attr::kUsageReported), u.reported);
        if (u.cacheWrite1hTokens)
            a.insert_or_assign(std::string(attr::kCacheWrite1hTokens), u.cacheWrite1hTokens);
        a.insert_or_assign(std::string(attr::kCostUsd), cost.total());
        a.insert_or_assign(std::string(attr::kCostEstimated), !cost.breakdown.known || !u.reported);
    }
    for (const auto& [key, value] : result.attributes)
        a.insert_or_assign(key, value);
    if (cost.reportedUsd) {
        a.insert_or_assign(std::string(attr::kCostReportedUsd), *cost.reportedUsd);
        a.insert_or_assign(std::string(attr::kCostDiffers), cost.differs());
    }
    if (result.firstChunkAt)
        a.insert_or_assign(std::string(attr::kTimeToFirstChunk),
                           static_cast<double>(*result.firstChunkAt - result.startedAt) / kNsPerSec);
    a.insert_or_assign(std::string(attr::kChunkCount), std::int64_t{result.chunkCount});
    if (result.exchange.httpStatus)
        a.insert_or_assign(std::string(attr::kHttpStatus), std::int64_t{result.exchange.httpStatus});
    if (result.error) {
        a.insert_or_assign(std::string(attr::kErrorType),
                           result.error.kind == ProviderError::Kind::Cancelled ? std::string("cancelled")
                           : !result.error.type.empty()                       ? result.error.type
                                                                               : std::string(kindName(result.error.kind)));
        a.insert_or_assign(std::string(attr::kErrorCategory), std::string(categoryName(categorize(result.error))));
        if (result.error.retryAfterMs)
            a.insert_or_assign(std::string(attr::kRetryAfterMs), *result.error.retryAfterMs);
    }
}

void recordRequestMeta(Span& root, const ChatRequest& request)
{
    auto& a = root.attributes;
    a.insert_or_assign(std::string(attr::kStage), std::string("request"));
    a.insert_or_assign(std::string(attr::kOperationName), std::string("chat"));
    a.insert_or_assign(std::string(attr::kRequestModel), request.model);
    a.insert_or_assign(std::string(attr::kSource), request.meta.source);
    setIfNonEmpty(a, attr::kUser, request.meta.user);
    setIfNonEmpty(a, attr::kSession, request.meta.session);
    setIfNonEmpty(a, attr::kConversationId, request.meta.session);
    setIfNonEmpty(a, attr::kFeature, request.meta.feature);
    setIfNonEmpty(a, attr::kTags, joined(request.meta.tags));
    setIfNonEmpty(a, attr::kApiKeyName, request.meta.apiKeyName);
    setIfNonEmpty(a, attr::kProject, request.meta.project);
}

} // namespace ts
