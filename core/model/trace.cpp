#include "model/trace.h"

#include "model/attributes.h"

#include <algorithm>

namespace ts {

const Span* Trace::root() const
{
    for (const Span& s : spans)
        if (s.parentSpanId.empty())
            return &s;
    return spans.empty() ? nullptr : &spans.front();
}

const Span* Trace::findSpan(std::string_view spanId) const
{
    for (const Span& s : spans)
        if (s.spanId == spanId)
            return &s;
    return nullptr;
}

namespace {

bool isModelCall(const Span& s) { return s.attrView(attr::kStage) == "llm.call"; }

std::string previewOf(const std::vector<Message>& input)
{
    for (auto it = input.rbegin(); it != input.rend(); ++it) {
        if (it->role != Role::User)
            continue;
        std::string text = it->content.substr(0, 160);
        std::replace(text.begin(), text.end(), '\n', ' ');
        return text;
    }
    return {};
}

void addCallUsage(TraceSummary& sum, const Span& s, Nanos rootStart)
{
    sum.inputTokens += s.attrInt(attr::kInputTokens).value_or(0);
    sum.outputTokens += s.attrInt(attr::kOutputTokens).value_or(0);
    sum.cacheReadTokens += s.attrInt(attr::kCacheReadTokens).value_or(0);
    sum.reasoningTokens += s.attrInt(attr::kReasoningTokens).value_or(0);
    sum.costUsd += s.attrDouble(attr::kCostUsd).value_or(0.0);
    if (auto model = s.attrView(attr::kRequestModel); !model.empty())
        sum.model = model;
    if (auto provider = s.attrView(attr::kProviderName); !provider.empty())
        sum.provider = provider;
    if (!sum.ttftMs)
        if (auto ttfc = s.attrDouble(attr::kTimeToFirstChunk))
            sum.ttftMs = nsToMs(s.start - rootStart) + *ttfc * 1000.0;
}

} // namespace

void summarize(Trace& trace)
{
    TraceSummary sum;
    sum.rowId = trace.summary.rowId;
    sum.traceId = trace.traceId;
    sum.spanCount = static_cast<int>(trace.spans.size());
    sum.preview = previewOf(trace.input);
    const Span* root = trace.root();
    if (!root) {
        trace.summary = std::move(sum);
        return;
    }
    sum.name = root->name;
    sum.start = root->start;
    sum.durationMs = nsToMs(root->duration());
    sum.model = root->attrString(attr::kRequestModel);
    sum.source = root->attrString(attr::kSource);
    sum.user = root->attrString(attr::kUser);
    sum.session = root->attrString(attr::kSession);
    sum.tags = root->attrString(attr::kTags);
    sum.simulated = root->attrBool(attr::kSimulated);
    for (const Span& s : trace.spans)
        if (isModelCall(s))
            addCallUsage(sum, s, root->start);
    if (root->status == SpanStatus::Error) {
        sum.status = root->attrView(attr::kErrorType) == "cancelled" ? "cancelled" : "error";
        sum.error = root->statusMessage;
    }
    sum.facts = factsOf(trace);
    trace.summary = std::move(sum);
}

} // namespace ts
