#include "trace/import/call_attributes.h"

#include "model/attributes.h"
#include "model/span_note.h"

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
}

void noteFirstChunk(Span& span, Nanos firstChunkAt)
{
    if (firstChunkAt >= span.start)
        note(span, attr::kTimeToFirstChunk, static_cast<double>(firstChunkAt - span.start) / kNsPerSec);
}

} // namespace ts::import
