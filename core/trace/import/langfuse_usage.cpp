#include "trace/import/langfuse_usage.h"

#include "model/attributes.h"
#include "model/span_note.h"
#include "trace/import/record_fields.h"

#include <nlohmann/json.hpp>
#include <string>

namespace ts::import {

namespace {

using nlohmann::json;

bool has(std::string_view key, std::string_view part)
{
    return key.find(part) != std::string_view::npos;
}

Usage fromDetails(const json& details)
{
    Usage u;
    for (const auto& [key, value] : details.items()) {
        const auto n = countOf(&value);
        if (!n || has(key, "total")) // "total" is the sum of the others
            continue;
        const bool cacheRead = has(key, "cache_read") || has(key, "cached");
        const bool cacheWrite = has(key, "cache_creation") || has(key, "cache_write");
        if (has(key, "input") || cacheRead || cacheWrite) {
            u.inputTokens += *n;
            u.cacheReadTokens += cacheRead ? *n : 0;
            u.cacheWriteTokens += cacheWrite ? *n : 0;
            u.reported = true;
        } else if (has(key, "output")) {
            u.outputTokens += *n;
            u.reasoningTokens += has(key, "reasoning") ? *n : 0;
            u.reported = true;
        }
    }
    return u;
}

// The deprecated usage object; its unit may say the counts are characters or images, not tokens.
Usage fromLegacy(const json& observation)
{
    Usage u;
    const json* usage = fieldOf(observation, {"usage"});
    if (usage && usage->is_object()) {
        const std::string unit = textField(*usage, {"unit"});
        if (!unit.empty() && unit != "TOKENS")
            return u;
        const auto in = countOf(fieldOf(*usage, {"input", "promptTokens"}));
        const auto out = countOf(fieldOf(*usage, {"output", "completionTokens"}));
        u.inputTokens = in.value_or(0);
        u.outputTokens = out.value_or(0);
        u.reported = in || out;
        return u;
    }
    const auto in = countOf(fieldOf(observation, {"promptTokens"})); // the v1 API's generation fields
    const auto out = countOf(fieldOf(observation, {"completionTokens"}));
    u.inputTokens = in.value_or(0);
    u.outputTokens = out.value_or(0);
    u.reported = in || out;
    return u;
}

} // namespace

Usage langfuseUsage(const json& observation)
{
    if (const json* details = fieldOf(observation, {"usageDetails", "usage_details"});
        details && details->is_object())
        if (Usage u = fromDetails(*details); u.reported)
            return u;
    return fromLegacy(observation);
}

std::optional<double> langfuseCost(const json& observation)
{
    if (const json* details = fieldOf(observation, {"costDetails", "cost_details"});
        details && details->is_object()) {
        if (auto total = amountOf(fieldOf(*details, {"total"})))
            return total;
        std::optional<double> sum;
        for (const auto& [key, value] : details->items())
            if (auto part = amountOf(&value))
                sum = sum.value_or(0.0) + *part;
        if (sum)
            return sum;
    }
    if (auto cost = amountOf(fieldOf(observation, {"calculatedTotalCost", "totalCost", "total_cost"})))
        return cost;
    const json* usage = fieldOf(observation, {"usage"});
    return usage ? amountOf(fieldOf(*usage, {"totalCost"})) : std::nullopt;
}

void noteModelParameters(Span& span, const json& observation)
{
    const json* params = fieldOf(observation, {"modelParameters", "model_parameters"});
    if (!params)
        return;
    const json p = unwrapJsonText(*params); // the blob export keeps it as JSON text
    if (auto t = amountOf(fieldOf(p, {"temperature"})))
        note(span, attr::kRequestTemperature, *t);
    if (auto topP = amountOf(fieldOf(p, {"top_p", "topP"})))
        note(span, attr::kRequestTopP, *topP);
    if (auto max =
            countOf(fieldOf(p, {"max_tokens", "max_completion_tokens", "max_output_tokens", "maxTokens"})))
        note(span, attr::kRequestMaxTokens, *max);
    if (auto seed = countOf(fieldOf(p, {"seed"})))
        note(span, attr::kRequestSeed, *seed);
    if (const json* stream = fieldOf(p, {"stream"}))
        if (stream->is_boolean() || stream->is_string())
            note(span, attr::kRequestStream, stream->is_boolean() ? stream->get<bool>() : *stream == "true");
}

} // namespace ts::import
