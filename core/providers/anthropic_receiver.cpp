#include "providers/anthropic_receiver.h"

#include "net/retry_after.h"
#include "providers/anthropic_reply.h"
#include "providers/json_fields.h"

namespace ts::anthropic {

using nlohmann::json;

namespace {

constexpr std::string_view kThinkingChars = "tokenscope.response.thinking_chars";

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
    // A gateway may ignore stream:true and answer with one JSON Message.
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

// The data repeats the event's name as "type"; the exchange keeps the data, as it does for OpenAI.
bool Receiver::onEvent(const net::SseEvent& event)
{
    result_.exchange.chunks.push_back({blockAt_, event.data});
    const json data = json::parse(event.data, nullptr, false);
    if (!data.is_object()) {
        fail(ProviderError::Kind::Stream, "malformed event: " + event.data.substr(0, 200));
        return false;
    }
    const std::string type = data.contains("type") ? stringField(data, "type") : event.event;
    if (type == "error" || event.event == "error") {
        const json* error = field(data, "error");
        result_.error = errorFrom(error ? *error : data, ProviderError::Kind::Stream);
        return false;
    }
    if (type == "message_stop") {
        done_ = true;
        return false;
    }
    return deliver(assembler_.apply(data));
}

bool Receiver::deliver(const EventDelta& delta)
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
    if (sse_) {
        const std::string ended = "stream ended before message_stop";
        return fail(kind, http.failureMessage.empty() ? ended : ended + ": " + http.failureMessage);
    }
    if (http.failure != net::HttpResponse::Failure::None)
        return fail(kind, http.failureMessage);
    finishBody();
}

void Receiver::finishBody()
{
    const json body = json::parse(result_.exchange.responseBody, nullptr, false);
    if (!body.is_object())
        return fail(ProviderError::Kind::Stream, "malformed response body");
    if (stringField(body, "type") == "error") {
        const json* error = field(body, "error");
        result_.error = errorFrom(error ? *error : body, ProviderError::Kind::Stream);
        return;
    }
    const EventDelta delta = assembler_.applyMessage(body);
    collect();
    if (!delta.content && result_.response.toolCalls.empty())
        return;
    result_.chunkCount = 1;
    result_.firstChunkAt = result_.finishedAt;
    if (ctx_.onText && !delta.text.empty())
        ctx_.onText(delta.text, result_.finishedAt);
}

// Thinking is never the answer, but how much of it there was belongs on the span.
void Receiver::collect()
{
    result_.response = assembler_.response();
    if (const std::string& thinking = assembler_.thinking(); !thinking.empty())
        result_.attributes[std::string(kThinkingChars)] = static_cast<std::int64_t>(thinking.size());
}

void Receiver::fail(ProviderError::Kind kind, std::string message)
{
    result_.error.kind = kind;
    result_.error.message = std::move(message);
}

} // namespace ts::anthropic
