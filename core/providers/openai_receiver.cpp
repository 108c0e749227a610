#include "providers/openai_receiver.h"

#include "providers/json_fields.h"
#include "providers/openai_completion_reader.h"
#include "providers/openai_wire.h"

#include <cstdlib>

namespace ts::openai {

using nlohmann::json;

// A LiteLLM proxy says what it charged in a header.
void Receiver::readHeaders(const std::vector<Header>& headers)
{
    const std::string cost = net::headerValue(headers, "x-litellm-response-cost");
    char* end = nullptr;
    const double usd = cost.empty() ? -1 : std::strtod(cost.c_str(), &end);
    if (usd >= 0 && end && *end == '\0')
        headerCost_ = usd;
}

bool Receiver::onEvent(const net::SseEvent& event)
{
    record(event.data);
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
    const ChunkDelta delta = assembler_.apply(chunk);
    return deliver(delta.hasContent, delta.hasContent, delta.text);
}

ProviderError Receiver::statusError(int status, std::string_view body) const
{
    return httpError(status, body);
}

void Receiver::finishBody(const json& body)
{
    if (!body.is_object())
        return fail(ProviderError::Kind::Stream, "malformed response body");
    if (const json* error = field(body, "error")) {
        result_.error = errorFrom(*error, ProviderError::Kind::Stream);
        return;
    }
    finishResponse(responseFrom(body));
}

bool Receiver::finishText(std::string_view body)
{
    std::optional<ChatResponse> response = readCompletion(body);
    if (!response)
        return false;
    finishResponse(std::move(*response));
    return true;
}

void Receiver::finishResponse(ChatResponse response)
{
    result_.response = std::move(response);
    if (!result_.response.reportedCostUsd)
        result_.response.reportedCostUsd = headerCost_;
    if (result_.response.text.empty() && result_.response.toolCalls.empty())
        return;
    deliverWhole(result_.response.text);
}

void Receiver::collect()
{
    result_.response = assembler_.response();
    if (!result_.response.reportedCostUsd)
        result_.response.reportedCostUsd = headerCost_;
}

} // namespace ts::openai
