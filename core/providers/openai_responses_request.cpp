#include "providers/openai_responses_request.h"

#include <stdexcept>

namespace ts::openai_responses {

using nlohmann::json;

namespace {

json parsedOrThrow(const std::string& text, const std::string& what)
{
    json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded())
        throw std::invalid_argument(what + " is not valid JSON");
    return parsed;
}

// Plain text stays a string; a user's images make it a list of input parts.
json contentJson(const Message& message)
{
    if (message.images.empty())
        return message.content;
    json parts = json::array();
    if (!message.content.empty())
        parts.push_back({{"type", "input_text"}, {"text", message.content}});
    for (const ImagePart& image : message.images) {
        const std::string url =
            image.url.empty() ? "data:" + image.mediaType + ";base64," + image.base64 : image.url;
        parts.push_back({{"type", "input_image"}, {"image_url", url}, {"detail", "auto"}});
    }
    return parts;
}

void appendItems(const Message& message, json& input)
{
    if (message.role == Role::Tool) {
        input.push_back({{"type", "function_call_output"}, {"call_id", message.toolCallId}, {"output", message.content}});
        return;
    }
    if (!message.content.empty() || !message.images.empty() || message.toolCalls.empty())
        input.push_back({{"role", std::string(roleName(message.role))}, {"content", contentJson(message)}});
    for (const ToolCall& call : message.toolCalls)
        input.push_back(
            {{"type", "function_call"}, {"call_id", call.id}, {"name", call.name}, {"arguments", call.arguments}});
}

// FunctionTool requires parameters: a tool without any takes an empty object.
json toolJson(const ToolDefinition& tool)
{
    json out{{"type", "function"}, {"name", tool.name}};
    if (!tool.description.empty())
        out["description"] = tool.description;
    out["parameters"] = tool.parametersJson.empty()
                            ? json{{"type", "object"}, {"properties", json::object()}}
                            : parsedOrThrow(tool.parametersJson, "tool " + tool.name + ": parameters");
    out["strict"] = false;
    return out;
}

json formatJson(const ResponseFormat& format)
{
    if (format.type == ResponseFormat::Type::JsonObject)
        return {{"type", "json_object"}};
    return {{"type", "json_schema"},
            {"name", format.name.empty() ? std::string("response") : format.name},
            {"schema", parsedOrThrow(format.schemaJson, "response format: the JSON schema")},
            {"strict", format.strict}};
}

std::string instructions(const std::vector<Message>& messages)
{
    std::string out;
    for (const Message& message : messages)
        if (message.role == Role::System)
            out += (out.empty() ? "" : "\n\n") + message.content;
    return out;
}

} // namespace

json requestJson(const ChatRequest& request)
{
    json body{{"model", request.model}};
    if (const std::string system = instructions(request.messages); !system.empty())
        body["instructions"] = system;
    json input = json::array();
    for (const Message& message : request.messages)
        if (message.role != Role::System)
            appendItems(message, input);
    body["input"] = std::move(input);
    for (const ToolDefinition& tool : request.tools)
        body["tools"].push_back(toolJson(tool));
    if (request.maxTokens)
        body["max_output_tokens"] = *request.maxTokens;
    if (request.temperature)
        body["temperature"] = *request.temperature;
    if (request.topP)
        body["top_p"] = *request.topP;
    if (request.responseFormat.type != ResponseFormat::Type::Text)
        body["text"] = {{"format", formatJson(request.responseFormat)}};
    body["stream"] = request.stream;
    return body;
}

} // namespace ts::openai_responses
