#include "providers/gemini_receiver.h"

#include "providers/gemini_reply.h"
#include "providers/json_fields.h"

namespace ts::gemini {

using nlohmann::json;

bool Receiver::onEvent(const net::SseEvent& event)
{
    const json chunk = recordObject(event.data, "chunk");
    if (!chunk.is_object())
        return false;
    if (const json* error = field(chunk, "error")) {
        result_.error = errorFrom(*error, ProviderError::Kind::Stream);
        return false;
    }
    const ChunkDelta delta = assembler_.apply(chunk);
    return deliver(delta.content, delta.answer, delta.text);
}

// The body's RetryInfo gives the wait unless a Retry-After header says otherwise.
ProviderError Receiver::statusError(int status, std::string_view body) const
{
    return httpError(status, body);
}

// generateContent answers one GenerateContentResponse; a stream without alt=sse, a JSON array of them.
void Receiver::finishBody(const json& body)
{
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
    deliverWhole(whole.text);
}

void Receiver::collect()
{
    result_.response = assembler_.response();
    addAttributes(assembler_.attributes());
}

} // namespace ts::gemini
