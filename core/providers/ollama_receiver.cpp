#include "providers/ollama_receiver.h"

#include "providers/json_fields.h"
#include "providers/ollama_wire.h"

namespace ts::ollama {

using nlohmann::json;

Receiver::Receiver(bool streamRequested, const CallContext& ctx, CallResult& result)
    : StreamReceiver(streamRequested, ctx, result),
      splitter_([this](std::string_view line) { return onLine(line); })
{
}

bool Receiver::onLine(std::string_view line)
{
    const json parsed = recordObject(std::string(line), "line");
    if (!parsed.is_object())
        return false;
    if (const json* error = field(parsed, "error")) {
        result_.error = streamError(*error);
        return false;
    }
    const LineDelta delta = assembler_.apply(parsed);
    return deliver(delta.content, delta.answer, delta.text) && !assembler_.done();
}

ProviderError Receiver::statusError(int status, std::string_view body) const
{
    return httpError(status, body);
}

// The last line may come without its '\n'. Half a line left by a cut connection is kept as it
// arrived, but not read: the network broke it, not the server.
void Receiver::finishStream(const net::HttpResponse& http)
{
    std::string rest = splitter_.finish();
    if (rest.empty() || result_.error || assembler_.done() || userStopped())
        return;
    if (http.failure == net::HttpResponse::Failure::None)
        onLine(rest);
    else
        record(std::move(rest));
}

void Receiver::finishBody(const json& body)
{
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
    deliverWhole(delta.text);
}

void Receiver::collect()
{
    result_.response = assembler_.response();
    addAttributes(assembler_.attributes());
}

} // namespace ts::ollama
