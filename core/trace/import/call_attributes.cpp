#include "trace/import/call_attributes.h"

#include "model/attributes.h"
#include "model/span_note.h"
#include "providers/error_category.h"
#include "providers/json_fields.h"

#include <nlohmann/json.hpp>
#include <string>

namespace ts::import {

void markModelCall(Span& span, std::string_view operation, std::string_view model)
{
    note(span, attr::kStage, std::string("llm.call"));
    note(span, attr::kOperationName, std::string(operation));
    if (!model.empty())
        note(span, attr::kRequestModel, std::string(model));
}

void markToolCall(Span& span, std::string_view toolName)
{
    note(span, attr::kStage, std::string("tool"));
    note(span, attr::kOperationName, std::string("execute_tool"));
    if (!toolName.empty())
        note(span, attr::kToolName, std::string(toolName));
}

void noteUsage(Span& span, const Usage& usage)
{
    note(span, attr::kInputTokens, usage.inputTokens);
    note(span, attr::kOutputTokens, usage.outputTokens);
    note(span, attr::kCacheReadTokens, usage.cacheReadTokens);
    note(span, attr::kCacheWriteTokens, usage.cacheWriteTokens);
    note(span, attr::kReasoningTokens, usage.reasoningTokens);
    note(span, attr::kUsageReported, usage.reported);
    if (usage.cacheWrite1hTokens)
        note(span, attr::kCacheWrite1hTokens, usage.cacheWrite1hTokens);
}

void noteFirstChunk(Span& span, Nanos firstChunkAt)
{
    if (firstChunkAt >= span.start)
        note(span, attr::kTimeToFirstChunk, static_cast<double>(firstChunkAt - span.start) / kNsPerSec);
}

std::string callName(std::string_view operation, std::string_view model)
{
    std::string name(operation);
    if (!model.empty())
        (name += ' ') += model;
    return name;
}

void noteText(Span& span, std::string_view key, std::string value)
{
    if (!value.empty())
        note(span, key, std::move(value));
}

void noteRequestParams(Span& span, const nlohmann::json& params)
{
    if (!params.is_object())
        return;
    for (const auto& [key, name] :
         {std::pair{"temperature", attr::kRequestTemperature}, std::pair{"top_p", attr::kRequestTopP}})
        if (const nlohmann::json* v = field(params, key); v && v->is_number())
            note(span, name, v->get<double>());
    for (const char* key : {"max_tokens", "max_completion_tokens", "max_output_tokens"})
        if (const nlohmann::json* v = field(params, key); v && v->is_number_integer()) {
            note(span, attr::kRequestMaxTokens, v->get<std::int64_t>());
            break;
        }
    if (const nlohmann::json* v = field(params, "seed"); v && v->is_number_integer())
        note(span, attr::kRequestSeed, v->get<std::int64_t>());
    if (const nlohmann::json* v = field(params, "stream"); v && v->is_boolean())
        note(span, attr::kRequestStream, v->get<bool>());
}

void noteError(Span& span, const ProviderError& error)
{
    span.status = SpanStatus::Error;
    span.statusMessage = error.message;
    note(span, attr::kErrorType,
         !error.type.empty()   ? error.type
         : !error.code.empty() ? error.code
                               : std::string(kindName(error.kind)));
    note(span, attr::kErrorCategory, std::string(categoryName(categorize(error))));
    if (error.httpStatus)
        note(span, attr::kHttpStatus, std::int64_t{error.httpStatus});
}

} // namespace ts::import
