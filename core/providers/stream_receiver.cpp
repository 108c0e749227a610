#include "providers/stream_receiver.h"

#include "model/attributes.h"
#include "net/retry_after.h"

#include <cstdint>
#include <nlohmann/json.hpp>

namespace ts {

namespace {

bool is2xx(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

StreamReceiver::StreamReceiver(bool streamRequested, const CallContext& ctx, CallResult& result)
    : ctx_(ctx), result_(result), streamRequested_(streamRequested)
{
}

void StreamReceiver::onHeaders(int status, const std::vector<Header>& headers)
{
    result_.exchange.httpStatus = status;
    result_.exchange.responseHeaders = headers;
    readHeaders(headers);
    // A proxy may ignore the stream request and answer with one JSON body.
    const bool json = net::headerValue(headers, "content-type").starts_with("application/json");
    stream_ = streamRequested_ && is2xx(status) && !json;
}

bool StreamReceiver::onData(std::string_view bytes)
{
    if (!stream_) {
        result_.exchange.responseBody.append(bytes);
        return true;
    }
    blockAt_ = ctx_.clock->now();
    return feed(bytes);
}

bool StreamReceiver::deliver(bool content, bool answer, const std::string& text)
{
    if (content)
        ++result_.chunkCount;
    if (answer && !result_.firstChunkAt)
        result_.firstChunkAt = blockAt_;
    if (text.empty() || !ctx_.onText || ctx_.onText(text, blockAt_))
        return true;
    userStopped_ = true;
    return false;
}

void StreamReceiver::deliverWhole(const std::string& text)
{
    result_.chunkCount = 1;
    result_.firstChunkAt = result_.finishedAt;
    if (ctx_.onText && !text.empty())
        ctx_.onText(text, result_.finishedAt);
}

void StreamReceiver::record(std::string data)
{
    result_.exchange.chunks.push_back({blockAt_, std::move(data)});
}

nlohmann::json StreamReceiver::recordObject(std::string data, std::string_view what)
{
    record(data);
    nlohmann::json parsed = nlohmann::json::parse(data, nullptr, false);
    if (!parsed.is_object())
        fail(ProviderError::Kind::Stream, "malformed " + std::string(what) + ": " + data.substr(0, 200));
    return parsed;
}

void StreamReceiver::countThinking(const std::string& thinking)
{
    if (!thinking.empty())
        result_.attributes[std::string(attr::kThinkingChars)] = static_cast<std::int64_t>(thinking.size());
}

void StreamReceiver::addAttributes(Attributes attributes)
{
    for (auto& [name, value] : attributes)
        result_.attributes.insert_or_assign(name, std::move(value));
}

void StreamReceiver::finish(const net::HttpResponse& http)
{
    result_.finishedAt = ctx_.clock->now();
    if (stream_)
        finishStream(http);
    collect();
    if (result_.error || complete())
        return;
    if (userStopped_)
        return fail(ProviderError::Kind::Cancelled, "stopped by the user");
    if (http.failure == net::HttpResponse::Failure::Cancelled)
        return fail(ProviderError::Kind::Cancelled, "cancelled");
    if (http.status != 0 && !is2xx(http.status)) {
        result_.error = statusError(http.status, result_.exchange.responseBody);
        // A Retry-After header wins over whatever the body said; an HTTP-date is the server's wall
        // time, whatever clock the call runs on.
        if (const auto header = net::retryAfterMs(http, wallNowNs()))
            result_.error.retryAfterMs = header;
        return;
    }
    const auto kind = http.failure == net::HttpResponse::Failure::Timeout ? ProviderError::Kind::Timeout
                                                                          : ProviderError::Kind::Network;
    if (stream_) {
        const std::string ended = "stream ended before " + std::string(endMarker());
        return fail(kind, http.failureMessage.empty() ? ended : ended + ": " + http.failureMessage);
    }
    if (http.failure != net::HttpResponse::Failure::None)
        return fail(kind, http.failureMessage);
    finishParsed();
}

void StreamReceiver::finishParsed()
{
    if (finishText(result_.exchange.responseBody))
        return;
    finishBody(nlohmann::json::parse(result_.exchange.responseBody, nullptr, false));
}

void StreamReceiver::fail(ProviderError::Kind kind, std::string message)
{
    result_.error.kind = kind;
    result_.error.message = std::move(message);
}

SseReceiver::SseReceiver(bool streamRequested, const CallContext& ctx, CallResult& result)
    : StreamReceiver(streamRequested, ctx, result),
      parser_([this](const net::SseEvent& event) { return onEvent(event); })
{
}

} // namespace ts
