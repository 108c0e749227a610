#include "providers/openai_responses_receiver.h"

#include "providers/json_fields.h"
#include "providers/openai_responses_reply.h"
#include "providers/openai_wire.h"

namespace ts::openai_responses {

using nlohmann::json;

namespace {

// A failed Response's error, or a plain server_error when it gives none.
ProviderError failedResponse(const json& event)
{
    const json* response = field(event, "response");
    const json* error = response ? field(*response, "error") : nullptr;
    return failureFrom(error ? *error : json::object());
}

} // namespace

// The data repeats the event's name as "type"; the exchange keeps the data, as it does for Chat Completions.
bool Receiver::onEvent(const net::SseEvent& event)
{
    const json data = recordObject(event.data, "event");
    if (!data.is_object())
        return false;
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
    return deliver(delta.content, delta.answer, delta.text) && !done_;
}

ProviderError Receiver::statusError(int status, std::string_view body) const
{
    return openai::httpError(status, body);
}

// A whole Response, or an ErrorResponse sent with a 2xx status.
void Receiver::finishBody(const json& body)
{
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
    deliverWhole(delta.text);
}

// Reasoning is never the answer, but how much of it there was belongs on the span.
void Receiver::collect()
{
    result_.response = assembler_.response();
    countThinking(assembler_.reasoning());
}

} // namespace ts::openai_responses
