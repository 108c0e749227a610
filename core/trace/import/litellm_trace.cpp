#include "trace/import/litellm_trace.h"

#include "model/attributes.h"
#include "model/span_note.h"
#include "trace/import/call_attributes.h"
#include "trace/import/record_fields.h"
#include "trace/import/stable_ids.h"

#include <algorithm>
#include <charconv>

namespace ts::import {

namespace {

Span childOf(const Span& root, std::string spanId, std::string name, const LiteLlmCall& call)
{
    Span span;
    span.traceId = root.traceId;
    span.spanId = std::move(spanId);
    span.parentSpanId = root.spanId;
    span.name = std::move(name);
    span.start = call.start;
    span.end = call.end;
    span.status = SpanStatus::Ok;
    note(span, attr::kSourceId, call.id);
    return span;
}

// api_base "https://host:port/path" → server.address host, server.port port.
void noteServer(Span& span, std::string_view url)
{
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos)
        url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find('/'));
    const auto colon = url.ends_with(']') ? std::string_view::npos : url.rfind(':'); // [::1] has no port
    noteText(span, attr::kServerAddress, std::string(url.substr(0, colon)));
    if (colon == std::string_view::npos)
        return;
    const std::string_view digits = url.substr(colon + 1);
    std::int64_t port = 0;
    const auto [at, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (error == std::errc() && at == digits.data() + digits.size() && port > 0)
        note(span, attr::kServerPort, port);
}

Span rootOf(const LiteLlmCall& call, const std::string& traceId, const std::string& operation)
{
    const std::string& model = call.modelGroup.empty() ? call.model : call.modelGroup;
    Span root;
    root.traceId = traceId;
    root.spanId = spanIdFor(call.traceKey, "litellm.request");
    root.name = callName(operation, model);
    root.kind = SpanKind::Server;
    root.start = call.start;
    root.end = call.end;
    root.status = call.error ? SpanStatus::Error : SpanStatus::Ok;
    root.statusMessage = call.error ? call.error->message : std::string();
    note(root, attr::kStage, std::string("request"));
    note(root, attr::kOperationName, operation);
    noteText(root, attr::kRequestModel, model);
    noteText(root, attr::kUser, call.user);
    noteText(root, attr::kSession, call.session);
    noteText(root, attr::kConversationId, call.session);
    noteText(root, attr::kTags, call.tags);
    noteText(root, attr::kApiKeyName, call.keyAlias);
    return root;
}

// A lookup in LiteLLM's cache. Its caches key an exact hash of the request (the semantic ones are not
// told apart in the log), so the layer is "exact". A miss took no time the log can show.
Span lookupOf(const Span& root, const LiteLlmCall& call)
{
    const bool hit = *call.cacheHit;
    Span span = childOf(root, spanIdFor("cache.lookup " + call.id, call.traceKey), "cache.lookup", call);
    if (!hit)
        span.end = span.start;
    note(span, attr::kStage, std::string("cache.lookup"));
    note(span, attr::kCacheLayer, std::string("exact"));
    note(span, attr::kCacheHit, hit);
    noteText(span, attr::kCacheKey, call.cacheKey);
    if (hit && call.savedCacheCostUsd)
        note(span, attr::kCacheSavedUsd, *call.savedCacheCostUsd);
    return span;
}

Span callOf(const Span& root, const LiteLlmCall& call, const std::string& operation)
{
    Span span = childOf(root, spanIdFor(call.id, call.traceKey), callName(operation, call.model), call);
    span.kind = SpanKind::Client;
    note(span, attr::kStage, std::string("llm.call"));
    note(span, attr::kOperationName, operation);
    noteText(span, attr::kProviderName, call.provider);
    noteText(span, attr::kRequestModel, call.model);
    noteText(span, attr::kResponseModel, call.responseModel);
    noteText(span, attr::kResponseId, call.responseId);
    if (!call.finishReason.empty())
        note(span, attr::kFinishReasons, std::vector<std::string>{call.finishReason});
    noteRequestParams(span, call.params);
    if (call.stream)
        note(span, attr::kRequestStream, true);
    if (call.firstChunk)
        noteFirstChunk(span, *call.firstChunk);
    if (call.usage)
        noteUsage(span, *call.usage);
    if (call.reportedCostUsd)
        note(span, attr::kCostReportedUsd, *call.reportedCostUsd);
    noteServer(span, call.apiBase);
    if (call.error)
        noteError(span, *call.error);
    return span;
}

bool endsTheRequest(const Span& span)
{
    const std::string_view stage = span.attrView(attr::kStage);
    return stage == "llm.call" || (stage == "cache.lookup" && span.attrBool(attr::kCacheHit));
}

} // namespace

Trace pieceOf(LiteLlmCall&& call)
{
    Trace piece;
    piece.traceId = traceIdFor(call.traceKey);
    const std::string operation = operationOfCallType(call.callType);
    const Span root = rootOf(call, piece.traceId, operation);
    piece.spans.push_back(root);
    if (call.cacheHit && (*call.cacheHit || !call.cacheKey.empty()))
        piece.spans.push_back(lookupOf(root, call));
    if (!call.cacheHit.value_or(false))
        piece.spans.push_back(callOf(root, call, operation));
    piece.input = std::move(call.input);
    piece.output = std::move(call.output);
    return piece;
}

void settleRoot(Trace& trace)
{
    const auto root = std::find_if(trace.spans.begin(), trace.spans.end(), [](const Span& s) {
        return s.parentSpanId.empty() && s.attrView(attr::kStage) == "request";
    });
    const Span* last = nullptr;
    Nanos start = 0;
    Nanos end = 0;
    for (const Span& span : trace.spans) {
        if (root == trace.spans.end() || &span == &*root || !endsTheRequest(span))
            continue;
        start = last ? std::min(start, span.start) : span.start;
        end = last ? std::max(end, span.end) : span.end;
        if (!last || span.end >= last->end)
            last = &span;
    }
    if (!last)
        return;
    root->start = start;
    root->end = end;
    root->status = last->status;
    root->statusMessage = last->statusMessage;
}

} // namespace ts::import
