#include "providers/openai_wire.h"

#include "providers/json_fields.h"

#include <stdexcept>

namespace ts::openai {

using nlohmann::json;

namespace {

json toolCallJson(const ToolCall& call)
{
    return {{"id", call.id},
            {"type", "function"},
            {"function", {{"name", call.name}, {"arguments", call.arguments}}}};
}

// A user message with images is a list of parts: the text, then each image_url (a URL or a data: URL).
json contentJson(const Message& message)
{
    if (message.images.empty())
        return message.content;
    json parts = json::array();
    if (!message.content.empty())
        parts.push_back({{"type", "text"}, {"text", message.content}});
    for (const ImagePart& image : message.images) {
        const std::string url =
            image.url.empty() ? "data:" + image.mediaType + ";base64," + image.base64 : image.url;
        parts.push_back({{"type", "image_url"}, {"image_url", {{"url", url}}}});
    }
    return parts;
}

json responseFormatJson(const ResponseFormat& format)
{
    if (format.type == ResponseFormat::Type::JsonObject)
        return {{"type", "json_object"}};
    json schema = json::parse(format.schemaJson, nullptr, false);
    if (schema.is_discarded())
        throw std::invalid_argument("response format: the JSON schema is not valid JSON");
    return {{"type", "json_schema"},
            {"json_schema", {{"name", format.name.empty() ? std::string("response") : format.name},
                             {"schema", std::move(schema)},
                             {"strict", format.strict}}}};
}

json messageJson(const Message& message)
{
    json out{{"role", std::string(roleName(message.role))}, {"content", contentJson(message)}};
    if (!message.toolCalls.empty()) {
        if (message.content.empty())
            out["content"] = nullptr;
        for (const ToolCall& call : message.toolCalls)
            out["tool_calls"].push_back(toolCallJson(call));
    }
    if (message.role == Role::Tool)
        out["tool_call_id"] = message.toolCallId;
    else if (!message.name.empty())
        out["name"] = message.name;
    return out;
}

json toolJson(const ToolDefinition& tool)
{
    json function{{"name", tool.name}};
    if (!tool.description.empty())
        function["description"] = tool.description;
    if (!tool.parametersJson.empty()) {
        json parameters = json::parse(tool.parametersJson, nullptr, false);
        if (parameters.is_discarded())
            throw std::invalid_argument("tool " + tool.name + ": parameters are not valid JSON");
        function["parameters"] = std::move(parameters);
    }
    return {{"type", "function"}, {"function", std::move(function)}};
}

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
    json body{{"model", request.model}, {"messages", json::array()}};
    for (const Message& message : request.messages)
        body["messages"].push_back(messageJson(message));
    for (const ToolDefinition& tool : request.tools)
        body["tools"].push_back(toolJson(tool));
    if (request.temperature)
        body["temperature"] = *request.temperature;
    if (request.topP)
        body["top_p"] = *request.topP;
    if (request.maxTokens)
        body["max_completion_tokens"] = *request.maxTokens;
    if (request.seed)
        body["seed"] = *request.seed;
    if (request.responseFormat.type != ResponseFormat::Type::Text)
        body["response_format"] = responseFormatJson(request.responseFormat);
    body["stream"] = request.stream;
    if (request.stream)
        body["stream_options"] = {{"include_usage", true}};
    return body;
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
