#include "providers/openai_responses_receiver.h"

#include "net/retry_after.h"
#include "providers/json_fields.h"
#include "providers/openai_responses_reply.h"
#include "providers/openai_wire.h"

namespace ts::openai_responses {

using nlohmann::json;

namespace {

constexpr std::string_view kReasoningChars = "tokenscope.response.thinking_chars";

bool is2xx(int status) { return status >= 200 && status < 300; }

// A failed Response's error, or a plain server_error when it gives none.
ProviderError failedResponse(const json& event)
{
    const json* response = field(event, "response");
    const json* error = response ? field(*response, "error") : nullptr;
    return failureFrom(error ? *error : json::object());
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
    // A compatible server may ignore stream:true and answer with one JSON Response.
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

// The data repeats the event's name as "type"; the exchange keeps the data, as it does for Chat Completions.
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
        result_.error = failureFrom(data);
        return false;
    }
    const EventDelta delta = assembler_.apply(data);
    if (type == "response.failed") {
        result_.error = failedResponse(data);
        return false;
    }
    done_ = type == "response.completed" || type == "response.incomplete";
    return deliver(delta) && !done_;
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
        result_.error = openai::httpError(http.status, result_.exchange.responseBody);
        // An HTTP-date is the server's wall time, whatever clock the call runs on.
        result_.error.retryAfterMs = net::retryAfterMs(http, wallNowNs());
        return;
    }
    const auto kind = http.failure == net::HttpResponse::Failure::Timeout ? ProviderError::Kind::Timeout
                                                                          : ProviderError::Kind::Network;
    if (sse_) {
        const std::string ended = "stream ended before response.completed";
        return fail(kind, http.failureMessage.empty() ? ended : ended + ": " + http.failureMessage);
    }
    if (http.failure != net::HttpResponse::Failure::None)
        return fail(kind, http.failureMessage);
    finishBody();
}

// A whole Response, or an ErrorResponse sent with a 2xx status.
void Receiver::finishBody()
{
    const json body = json::parse(result_.exchange.responseBody, nullptr, false);
    const json* error = field(body, "error");
    const bool response = field(body, "output") || stringField(body, "object") == "response";
    if (!response) {
        if (error)
            result_.error = failureFrom(body);
        else
            fail(ProviderError::Kind::Stream, "malformed response body");
        return;
    }
    const EventDelta delta = assembler_.applyResponse(body);
    collect();
    if (stringField(body, "status") == "failed") {
        result_.error = failureFrom(error ? *error : json::object());
        return;
    }
    if (!delta.answer && result_.response.toolCalls.empty())
        return;
    result_.chunkCount = 1;
    result_.firstChunkAt = result_.finishedAt;
    if (ctx_.onText && !delta.text.empty())
        ctx_.onText(delta.text, result_.finishedAt);
}

// Reasoning is never the answer, but how much of it there was belongs on the span.
void Receiver::collect()
{
    result_.response = assembler_.response();
    if (const std::string& reasoning = assembler_.reasoning(); !reasoning.empty())
        result_.attributes[std::string(kReasoningChars)] = static_cast<std::int64_t>(reasoning.size());
}

void Receiver::fail(ProviderError::Kind kind, std::string message)
{
    result_.error.kind = kind;
    result_.error.message = std::move(message);
}

} // namespace ts::openai_responses
