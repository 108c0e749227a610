#include "providers/anthropic_receiver.h"

#include "providers/anthropic_reply.h"
#include "providers/json_fields.h"

namespace ts::anthropic {

using nlohmann::json;

// The data repeats the event's name as "type"; the exchange keeps the data, as it does for OpenAI.
bool Receiver::onEvent(const net::SseEvent& event)
{
    const json data = recordObject(event.data, "event");
    if (!data.is_object())
        return false;
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
    const EventDelta delta = assembler_.apply(data);
    return deliver(delta.content, delta.answer, delta.text);
}

ProviderError Receiver::statusError(int status, std::string_view body) const
{
    return httpError(status, body);
}

void Receiver::finishBody(const json& body)
{
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
    deliverWhole(delta.text);
}

// Thinking is never the answer, but how much of it there was belongs on the span.
void Receiver::collect()
{
    result_.response = assembler_.response();
    countThinking(assembler_.thinking());
}

} // namespace ts::anthropic
