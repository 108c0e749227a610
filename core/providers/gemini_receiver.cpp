#include "providers/gemini_receiver.h"

#include "net/retry_after.h"
#include "providers/gemini_reply.h"
#include "providers/json_fields.h"

namespace ts::gemini {

using nlohmann::json;

namespace {
bool is2xx(int status)
{
    return status >= 200 && status < 300;
}
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
    // A proxy may drop alt=sse and answer with one JSON array of chunks.
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
    const json chunk = json::parse(event.data, nullptr, false);
    if (!chunk.is_object()) {
        fail(ProviderError::Kind::Stream, "malformed chunk: " + event.data.substr(0, 200));
        return false;
    }
    if (const json* error = field(chunk, "error")) {
        result_.error = errorFrom(*error, ProviderError::Kind::Stream);
        return false;
    }
    return deliver(assembler_.apply(chunk));
}

bool Receiver::deliver(const ChunkDelta& delta)
{
    if (delta.content)
        ++result_.chunkCount;
    if (delta.answer && !result_.firstChunkAt)
        result_.firstChunkAt = blockAt_;
    if (delta.text.empty() || !ctx_.onText || ctx_.onText(delta.text, blockAt_))
        return true;
    userStopped_ = true;
    return false;
}

void Receiver::finish(const net::HttpResponse& http)
{
    result_.finishedAt = ctx_.clock->now();
    collect();
    if (result_.error || (sse_ && assembler_.finished()))
        return;
    if (userStopped_)
        return fail(ProviderError::Kind::Cancelled, "stopped by the user");
    if (http.failure == net::HttpResponse::Failure::Cancelled)
        return fail(ProviderError::Kind::Cancelled, "cancelled");
    if (http.status != 0 && !is2xx(http.status)) {
        result_.error = httpError(http.status, result_.exchange.responseBody);
        // A Retry-After header, where a proxy adds one, wins over the body's RetryInfo; an HTTP-date
        // is the server's wall time, whatever clock the call runs on.
        if (const auto header = net::retryAfterMs(http, wallNowNs()))
            result_.error.retryAfterMs = header;
        return;
    }
    const auto kind = http.failure == net::HttpResponse::Failure::Timeout ? ProviderError::Kind::Timeout
                                                                          : ProviderError::Kind::Network;
    if (sse_) {
        const std::string ended = "stream ended before a finishReason";
        return fail(kind, http.failureMessage.empty() ? ended : ended + ": " + http.failureMessage);
    }
    if (http.failure != net::HttpResponse::Failure::None)
        return fail(kind, http.failureMessage);
    finishBody();
}

// generateContent answers one GenerateContentResponse; a stream without alt=sse, a JSON array of them.
void Receiver::finishBody()
{
    const json body = json::parse(result_.exchange.responseBody, nullptr, false);
    const json chunks = body.is_array() ? body : json::array({body});
    ChunkDelta whole;
    for (const json& chunk : chunks) {
        if (!chunk.is_object())
            return fail(ProviderError::Kind::Stream, "malformed response body");
        if (const json* error = field(chunk, "error")) {
            result_.error = errorFrom(*error, ProviderError::Kind::Stream);
            return;
        }
        const ChunkDelta delta = assembler_.apply(chunk);
        whole.text += delta.text;
        whole.content = whole.content || delta.content;
    }
    collect();
    if (!whole.content)
        return;
    result_.chunkCount = 1;
    result_.firstChunkAt = result_.finishedAt;
    if (ctx_.onText && !whole.text.empty())
        ctx_.onText(whole.text, result_.finishedAt);
}

void Receiver::collect()
{
    result_.response = assembler_.response();
    for (auto& [name, value] : assembler_.attributes())
        result_.attributes.insert_or_assign(name, std::move(value));
}

void Receiver::fail(ProviderError::Kind kind, std::string message)
{
    result_.error.kind = kind;
    result_.error.message = std::move(message);
}

} // namespace ts::gemini
