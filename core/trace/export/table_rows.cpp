#include "trace/export/table_rows.h"

#include "model/attributes.h"
#include "model/time_format.h"
#include "trace/span_names.h"

#include <array>

namespace ts::exporting {

namespace {

using nlohmann::json;
using codec::statusName;

constexpr std::array<std::string_view, 20> kTraceColumns{
    "trace_id", "name",    "start",        "duration_ms",   "model",         "provider",
    "status",   "error",   "input_tokens", "output_tokens", "cached_tokens", "reasoning_tokens",
    "cost_usd", "ttft_ms", "source",       "simulated",     "user",          "session",
    "tags",     "spans"};

constexpr std::array<std::string_view, 12> kSpanColumns{
    "trace_id",    "span_id", "parent_span_id", "name",         "stage",         "start",
    "duration_ms", "status",  "model",          "input_tokens", "output_tokens", "cost_usd"};

template <typename T> json orNull(const std::optional<T>& value)
{
    return value ? json(*value) : json(nullptr);
}

json modelOf(const Span& s)
{
    for (std::string_view key : {attr::kRequestModel, attr::kResponseModel})
        if (auto model = s.attrView(key); !model.empty())
            return model;
    return nullptr;
}

} // namespace

json traceRow(const TraceSummary& s)
{
    return {{"trace_id", s.traceId},
            {"name", s.name},
            {"start", isoUtc(s.start)},
            {"duration_ms", s.durationMs},
            {"model", s.model},
            {"provider", s.provider},
            {"status", s.status},
            {"error", s.error},
            {"input_tokens", s.inputTokens},
            {"output_tokens", s.outputTokens},
            {"cached_tokens", s.cacheReadTokens},
            {"reasoning_tokens", s.reasoningTokens},
            {"cost_usd", s.costUsd},
            {"ttft_ms", orNull(s.ttftMs)},
            {"source", s.source},
            {"simulated", s.simulated},
            {"user", s.user},
            {"session", s.session},
            {"tags", s.tags},
            {"spans", s.spanCount}};
}

std::span<const std::string_view> traceColumns()
{
    return kTraceColumns;
}

json spanRow(const Span& s)
{
    return {{"trace_id", s.traceId},
            {"span_id", s.spanId},
            {"parent_span_id", s.parentSpanId},
            {"name", s.name},
            {"stage", s.attrString(attr::kStage)},
            {"start", isoUtc(s.start)},
            {"duration_ms", nsToMs(s.duration())},
            {"status", statusName(s.status)},
            {"model", modelOf(s)},
            {"input_tokens", orNull(s.attrInt(attr::kInputTokens))},
            {"output_tokens", orNull(s.attrInt(attr::kOutputTokens))},
            {"cost_usd", orNull(s.attrDouble(attr::kCostUsd))}};
}

std::span<const std::string_view> spanColumns()
{
    return kSpanColumns;
}

} // namespace ts::exporting
