#include "serve/openai_inbound.h"

#include "serve/openai_inbound_reader.h"

#include <nlohmann/json.hpp>

namespace ts::serve {

namespace {

using nlohmann::json;

std::string takeString(json& j)
{
    return j.is_string() ? std::move(j.get_ref<std::string&>()) : std::string();
}

// The text of a content-part array; image parts go to the message's images.
void readParts(json& parts, Message& message)
{
    for (json& part : parts) {
        const std::string type = part.value("type", "");
        if (type == "text")
            message.content += takeString(part["text"]);
        else if (type == "image_url" && part["image_url"].is_object())
            message.images.push_back(imageFromUrl(takeString(part["image_url"]["url"])));
        else if (type == "image_url")
            message.images.push_back(imageFromUrl(takeString(part["image_url"])));
        else
            throw std::invalid_argument("content part type '" + type + "' is not supported by this gateway");
    }
}

ToolCall readToolCall(json& call)
{
    ToolCall out;
    out.id = takeString(call["id"]);
    json& function = call["function"];
    out.name = takeString(function["name"]);
    out.arguments = function["arguments"].is_string() ? takeString(function["arguments"]) : function["arguments"].dump();
    return out;
}

Message readMessage(json& m, std::size_t index)
{
    const std::string roleText = m.value("role", "");
    const auto role = roleText == "developer" ? std::optional<Role>(Role::System) : roleFromString(roleText);
    if (!role)
        throw std::domain_error("messages[" + std::to_string(index) + "].role: '" + roleText +
                                "' is not one of developer, system, user, assistant, tool");
    Message message;
    message.role = *role;
    json& content = m["content"];
    if (content.is_string())
        message.content = takeString(content);
    else if (content.is_array())
        readParts(content, message);
    if (m.contains("tool_calls") && m["tool_calls"].is_array())
        for (json& call : m["tool_calls"])
            message.toolCalls.push_back(readToolCall(call));
    if (m.contains("tool_call_id"))
        message.toolCallId = takeString(m["tool_call_id"]);
    if (m.contains("name"))
        message.name = takeString(m["name"]);
    return message;
}

ToolDefinition readTool(json& tool)
{
    json& function = tool["function"];
    ToolDefinition out;
    out.name = takeString(function["name"]);
    out.description = function.contains("description") ? takeString(function["description"]) : std::string();
    out.parametersJson = function.contains("parameters") ? function["parameters"].dump() : std::string("{}");
    return out;
}

ResponseFormat readFormat(const json& format)
{
    ResponseFormat out;
    const std::string type = format.value("type", "text");
    if (type == "json_object") {
        out.type = ResponseFormat::Type::JsonObject;
    } else if (type == "json_schema") {
        const json& schema = format.at("json_schema");
        out.type = ResponseFormat::Type::JsonSchema;
        out.name = schema.value("name", "");
        out.strict = schema.value("strict", true);
        out.schemaJson = schema.contains("schema") ? schema["schema"].dump() : std::string("{}");
    }
    return out;
}

void readOptions(json& body, InboundChat& in)
{
    ChatRequest& r = in.request;
    if (body.contains("temperature") && !body["temperature"].is_null())
        r.temperature = body["temperature"].get<double>();
    if (body.contains("top_p") && !body["top_p"].is_null())
        r.topP = body["top_p"].get<double>();
    for (const char* key : {"max_tokens", "max_completion_tokens"})
        if (body.contains(key) && !body[key].is_null())
            r.maxTokens = body[key].get<int>();
    if (body.contains("seed") && !body["seed"].is_null())
        r.seed = body["seed"].get<std::int64_t>();
    if (body.contains("response_format") && body["response_format"].is_object())
        r.responseFormat = readFormat(body["response_format"]);
    r.stream = body.value("stream", false);
    if (body.contains("stream_options") && body["stream_options"].is_object())
        in.includeUsage = body["stream_options"].value("include_usage", false);
    if (body.contains("user") && body["user"].is_string())
        r.meta.user = takeString(body["user"]);
}

std::optional<GatewayError> unsupported(const json& body)
{
    if (body.contains("n") && body["n"].is_number() && body["n"].get<double>() != 1)
        return invalidRequest("This gateway returns one choice per request; n must be 1.", "n");
    if (!body.contains("model") || !body["model"].is_string() || body["model"].get_ref<const std::string&>().empty())
        return invalidRequest("you must provide a model parameter", "model");
    if (!body.contains("messages") || !body["messages"].is_array() || body["messages"].empty())
        return invalidRequest("'messages' must be a non-empty array", "messages");
    return std::nullopt;
}

} // namespace

InboundChat parseOpenAIChat(std::string_view text)
{
    if (std::optional<InboundChat> common = readCommonOpenAIChat(text))
        return std::move(*common);
    return parseOpenAIChatFully(text);
}

InboundChat parseOpenAIChatFully(std::string_view text)
{
    InboundChat in;
    std::optional<json> parsed = readBodyObject(text, in);
    if (!parsed)
        return in;
    json& body = *parsed;
    if ((in.error = unsupported(body)))
        return in;
    try {
        in.request.model = takeString(body["model"]);
        json& messages = body["messages"];
        in.request.messages.reserve(messages.size());
        for (std::size_t i = 0; i < messages.size(); ++i)
            in.request.messages.push_back(readMessage(messages[i], i));
        if (body.contains("tools") && body["tools"].is_array())
            for (json& tool : body["tools"])
                in.request.tools.push_back(readTool(tool));
        readOptions(body, in);
    } catch (const std::domain_error& e) {
        in.error = invalidRequest(e.what(), "messages");
    } catch (const std::exception& e) {
        in.error = invalidRequest(std::string("Invalid request: ") + e.what());
    }
    return in;
}

} // namespace ts::serve
