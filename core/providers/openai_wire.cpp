#include "providers/openai_wire.h"

#include "providers/json_fields.h"
#include "providers/openai_request_body.h"

namespace ts::openai {

using nlohmann::json;

namespace {

const json* firstChoice(const json& completion)
{
    const json* choices = field(completion, "choices");
    if (!choices || !choices->is_array())
        return nullptr;
    for (const json& choice : *choices)
        if (intField(choice, "index") == 0)
            return &choice;
    return nullptr;
}

} // namespace

std::string visibleText(const json& message)
{
    return stringField(message, "content") + stringField(message, "refusal");
}

json requestJson(const ChatRequest& request)
{
    return json::parse(requestBody(request));
}

Usage usageFrom(const json& usage)
{
    Usage out;
    out.inputTokens = intField(usage, "prompt_tokens");
    out.outputTokens = intField(usage, "completion_tokens");
    if (const json* details = field(usage, "prompt_tokens_details")) {
        out.cacheReadTokens = intField(*details, "cached_tokens");
        out.cacheWriteTokens = intField(*details, "cache_write_tokens");
    }
    if (const json* details = field(usage, "completion_tokens_details"))
        out.reasoningTokens = intField(*details, "reasoning_tokens");
    out.reported = true;
    return out;
}

std::optional<double> reportedCostFrom(const json& usage)
{
    const json* cost = field(usage, "cost");
    if (cost && cost->is_number() && cost->get<double>() >= 0)
        return cost->get<double>();
    return std::nullopt;
}

ChatResponse responseFrom(const json& completion)
{
    ChatResponse out;
    out.id = stringField(completion, "id");
    out.model = stringField(completion, "model");
    if (const json* usage = field(completion, "usage")) {
        out.usage = usageFrom(*usage);
        out.reportedCostUsd = reportedCostFrom(*usage);
    }
    const json* choice = firstChoice(completion);
    if (!choice)
        return out;
    out.finishReason = stringField(*choice, "finish_reason");
    const json* message = field(*choice, "message");
    if (!message)
        return out;
    out.text = visibleText(*message);
    if (const json* calls = field(*message, "tool_calls"))
        for (const json& call : *calls) {
            const json* function = field(call, "function");
            out.toolCalls.push_back({stringField(call, "id"), function ? stringField(*function, "name") : "",
                                     function ? stringField(*function, "arguments") : ""});
        }
    return out;
}

ProviderError errorFrom(const json& error, ProviderError::Kind kind)
{
    ProviderError out{.kind = kind};
    if (!error.is_object()) {
        out.message = error.is_string() ? error.get<std::string>() : error.dump();
        return out;
    }
    out.type = stringField(error, "type");
    out.code = stringField(error, "code");
    out.message = stringField(error, "message");
    return out;
}

ProviderError httpError(int status, std::string_view body)
{
    const json parsed = json::parse(body, nullptr, false);
    const json* error = field(parsed, "error");
    ProviderError out = error ? errorFrom(*error, ProviderError::Kind::Http)
                              : ProviderError{.kind = ProviderError::Kind::Http};
    out.httpStatus = status;
    if (out.message.empty())
        out.message = "HTTP " + std::to_string(status);
    return out;
}

} // namespace ts::openai
