#include "trace/import/trace_finish.h"

#include "catalog/span_cost.h"
#include "model/attributes.h"
#include "trace/import/message_codec.h"
#include "trace/import/span_messages.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_set>

namespace ts::import {

namespace {

bool isModelCall(const Span& span)
{
    const std::string_view stage = span.attrView(attr::kStage);
    if (!stage.empty())
        return stage == "llm.call";
    const std::string_view op = span.attrView(attr::kOperationName);
    if (!op.empty())
        return op == "chat" || op == "text_completion" || op == "generate_content";
    return span.attr(attr::kInputTokens) || span.attr(attr::kOutputTokens);
}

void putRootFirst(Trace& trace)
{
    auto root = std::find_if(trace.spans.begin(), trace.spans.end(),
                             [](const Span& s) { return s.parentSpanId.empty(); });
    if (root == trace.spans.end()) {
        std::unordered_set<std::string_view> ids;
        for (const Span& s : trace.spans)
            ids.insert(s.spanId);
        root = std::find_if(trace.spans.begin(), trace.spans.end(),
                            [&](const Span& s) { return !ids.count(s.parentSpanId); });
    }
    if (root != trace.spans.end())
        std::rotate(trace.spans.begin(), root, root + 1);
}

bool hasConversation(const Span& s)
{
    return s.attr(kInputMessages) || s.attr(kOutputMessages);
}

// Reads the span's message attribute into `out`, removing it once read.
void takeMessages(Span& span, std::string_view key, std::vector<Message>& out, bool reply)
{
    const auto it = span.attributes.find(key);
    const auto* text = it == span.attributes.end() ? nullptr : std::get_if<std::string>(&it->second);
    if (!text)
        return;
    const nlohmann::json value = nlohmann::json::parse(*text, nullptr, false);
    std::vector<Message> read;
    if (value.is_discarded() || !(reply ? readReply(value, read) : readMessages(value, read)).empty())
        return;
    out = std::move(read);
    span.attributes.erase(it);
}

void takeConversation(Trace& trace)
{
    if (!trace.input.empty() || !trace.output.empty() || trace.spans.empty())
        return;
    auto holder = trace.spans.begin();
    if (!hasConversation(*holder))
        holder = std::find_if(trace.spans.begin(), trace.spans.end(),
                              [](const Span& s) { return isModelCall(s) && hasConversation(s); });
    if (holder == trace.spans.end())
        return;
    takeMessages(*holder, kInputMessages, trace.input, false);
    takeMessages(*holder, kOutputMessages, trace.output, true);
}

void price(Span& span, const Catalog& catalog)
{
    if (span.attr(attr::kCostUsd))
        return;
    auto& a = span.attributes;
    const std::optional<double> reported = span.attrDouble(attr::kCostReportedUsd);
    const auto cost = explainSpanCost(span, catalog);
    if (cost && cost->breakdown.known) {
        const auto usage = usageOfSpan(span);
        a.emplace(std::string(attr::kCostUsd), cost->total());
        a.emplace(std::string(attr::kCostEstimated), !usage->reported);
        if (reported)
            a.emplace(std::string(attr::kCostDiffers), cost->differs());
    } else if (reported) { // a model the catalog does not price: the log's own figure
        a.emplace(std::string(attr::kCostUsd), *reported);
        a.emplace(std::string(attr::kCostEstimated), false);
    }
}

} // namespace

void finishTrace(Trace& trace, std::string_view source, const Catalog& catalog)
{
    putRootFirst(trace);
    takeConversation(trace);
    if (!trace.spans.empty())
        trace.spans.front().attributes.emplace(std::string(attr::kSource), std::string(source));
    for (Span& s : trace.spans) {
        if (!isModelCall(s))
            continue;
        s.attributes.emplace(std::string(attr::kStage), std::string("llm.call"));
        price(s, catalog);
    }
}

} // namespace ts::import
