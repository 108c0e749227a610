#include "providers/openai_receiver.h"

#include "net/retry_after.h"
#include "providers/json_fields.h"
#include "providers/openai_wire.h"

#include <cstdlib>

namespace ts::openai {

using nlohmann::json;

namespace {
bool is2xx(int status) { return status >= 200 && status < 300; }
} // namespace

Receiver::Receiver(bool streamRequested, const CallContext& ctx, CallResult& result)
    : ctx_(ctx), result_(result), streamRequested_(streamRequested),
      parser_([this](const net::SseEvent& event) { return onEvent(event); })
{
}

void Receiver::onHeaders(int status, const std::vector<Header>& headers)
{
    result_.exchange.httpStatus = status;
    result_.exchange.responseHeaders = headers;
    // A LiteLLM proxy says what it charged in a header.
    const std::string cost = net::headerValue(headers, "x-litellm-response-cost");
    char* end = nullptr;
    const double usd = cost.empty() ? -1 : std::strtod(cost.c_str(), &end);
    if (usd >= 0 && end && *end == '\0')
        headerCost_ = usd;
    // Some compatible servers ignore stream:true and answer with one JSON body.
    const bool json = net::headerValue(headers, "content-type").starts_with("application/json");
    sse_ = streamRequested_ && is2xx(status) && !json;
}

bool Receiver::onData(std::string_view bytes)
{
    if (!sse_) {
        result_.exchange.responseBody.append(bytes);
        return true;
    }
    blockAt_ = ctx_.clock->now();
    return parser_.feed(bytes);
}

bool Receiver::onEvent(const net::SseEvent& event)
{
    result_.exchange.chunks.push_back({blockAt_, event.data});
    if (event.data.starts_with("[DONE]")) {
        done_ = true;
        return false;
    }
    const json chunk = json::parse(event.data, nullptr, false);
    if (chunk.is_discarded()) {
        fail(ProviderError::Kind::Stream, "malformed chunk: " + event.data.substr(0, 200));
        return false;
    }
    if (const json* error = field(chunk, "error")) {
        result_.error = errorFrom(*error, ProviderError::Kind::Stream);
        return false;
    }
    return onChunk(chunk);
}

bool Receiver::onChunk(const json& chunk)
{
    const ChunkDelta delta = assembler_.apply(chunk);
    if (!delta.hasContent)
        return true;
    ++result_.chunkCount;
    if (!result_.firstChunkAt)
        result_.firstChunkAt = blockAt_;
    if (delta.text.empty() || !ctx_.onText || ctx_.onText(delta.text, blockAt_))
        return true;
    userStopped_ = true;
    return false;
}

void Receiver::finish(const net::HttpResponse& http)
{
    result_.finishedAt = ctx_.clock->now();
    result_.response = assembler_.response();
    if (!result_.response.reportedCostUsd)
        result_.response.reportedCostUsd = headerCost_;
    if (result_.error || done_)
        return;
    if (userStopped_)
        return fail(ProviderError::Kind::Cancelled, "stopped by the user");
    if (http.failure == net::HttpResponse::Failure::Cancelled)
        return fail(ProviderError::Kind::Cancelled, "cancelled");
    if (http.status != 0 && !is2xx(http.status)) {
        result_.error = httpError(http.status, result_.exchange.responseBody);
        // An HTTP-date is the server's wall time, whatever clock the call runs on.
        result_.error.retryAfterMs = net::retryAfterMs(http, wallNowNs());
        return;
    }
    const auto kind = http.failure == net::HttpResponse::Failure::Timeout ? ProviderError::Kind::Timeout
                                                                          : ProviderError::Kind::Network;
    if (sse_)
        return fail(kind, http.failureMessage.empty() ? "stream ended before [DONE]"
                                                      : "stream ended before [DONE]: " + http.failureMessage);
    if (http.failure != net::HttpResponse::Failure::None)
        return fail(kind, http.failureMessage);
    finishBody();
}

void Receiver::finishBody()
{
    const json body = json::parse(result_.exchange.responseBody, nullptr, false);
    if (!body.is_object())
        return fail(ProviderError::Kind::Stream, "malformed response body");
    if (const json* error = field(body, "error")) {
        result_.error = errorFrom(*error, ProviderError::Kind::Stream);
        return;
    }
    result_.response = responseFrom(body);
    if (!result_.response.reportedCostUsd)
        result_.response.reportedCostUsd = headerCost_;
    if (result_.response.text.empty() && result_.response.toolCalls.empty())
        return;
    result_.chunkCount = 1;
    result_.firstChunkAt = result_.finishedAt;
    if (ctx_.onText && !result_.response.text.empty())
        ctx_.onText(result_.response.text, result_.finishedAt);
}

void Receiver::fail(ProviderError::Kind kind, std::string message)
{
    result_.error.kind = kind;
    result_.error.message = std::move(message);
}

} // namespace ts::openai
