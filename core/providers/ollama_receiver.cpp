#include "providers/ollama_receiver.h"

#include "net/retry_after.h"
#include "providers/json_fields.h"
#include "providers/ollama_wire.h"

namespace ts::ollama {

using nlohmann::json;

namespace {
bool is2xx(int status)
{
    return status >= 200 && status < 300;
}
} // namespace

Receiver::Receiver(bool streamRequested, const CallContext& ctx, CallResult& result)
    : ctx_(ctx), result_(result), streamRequested_(streamRequested),
      splitter_([this](std::string_view line) { return onLine(line); })
{
}

void Receiver::onHeaders(int status, const std::vector<Header>& headers)
{
    result_.exchange.httpStatus = status;
    result_.exchange.responseHeaders = headers;
    // Streams are application/x-ndjson; a proxy that buffers may answer with one JSON body instead.
    const bool json = net::headerValue(headers, "content-type").starts_with("application/json");
    ndjson_ = streamRequested_ && is2xx(status) && !json;
}

bool Receiver::onData(std::string_view bytes)
{
    if (!ndjson_) {
        result_.exchange.responseBody.append(bytes);
        return true;
    }
    blockAt_ = ctx_.clock->now();
    return splitter_.feed(bytes);
}

bool Receiver::onLine(std::string_view line)
{
    result_.exchange.chunks.push_back({blockAt_, std::string(line)});
    const json parsed = json::parse(line, nullptr, false);
    if (!parsed.is_object()) {
        fail(ProviderError::Kind::Stream, "malformed line: " + std::string(line.substr(0, 200)));
        return false;
    }
    if (const json* error = field(parsed, "error")) {
        result_.error = streamError(*error);
        return false;
    }
    return deliver(assembler_.apply(parsed)) && !assembler_.done();
}

bool Receiver::deliver(const LineDelta& delta)
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
    if (ndjson_)
        finishLines(http);
    collect();
    if (result_.error || assembler_.done())
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
    if (ndjson_) {
        const std::string ended = "stream ended before done:true";
        return fail(kind, http.failureMessage.empty() ? ended : ended + ": " + http.failureMessage);
    }
    if (http.failure != net::HttpResponse::Failure::None)
        return fail(kind, http.failureMessage);
    finishBody();
}

// The last line may come without its '\n'. Half a line left by a cut connection is kept as it
// arrived, but not read: the network broke it, not the server.
void Receiver::finishLines(const net::HttpResponse& http)
{
    std::string rest = splitter_.finish();
    if (rest.empty() || result_.error || assembler_.done() || userStopped_)
        return;
    if (http.failure == net::HttpResponse::Failure::None)
        onLine(rest);
    else
        result_.exchange.chunks.push_back({blockAt_, std::move(rest)});
}

void Receiver::finishBody()
{
    const json body = json::parse(result_.exchange.responseBody, nullptr, false);
    if (!body.is_object())
        return fail(ProviderError::Kind::Stream, "malformed response body");
    if (const json* error = field(body, "error")) {
        result_.error = streamError(*error);
        return;
    }
    const LineDelta delta = assembler_.apply(body);
    collect();
    if (!delta.content)
        return;
    result_.chunkCount = 1;
    result_.firstChunkAt = result_.finishedAt;
    if (ctx_.onText && !delta.text.empty())
        ctx_.onText(delta.text, result_.finishedAt);
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

} // namespace ts::ollama
