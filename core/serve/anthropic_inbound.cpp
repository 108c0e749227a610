#include "serve/anthropic_inbound.h"

#include <nlohmann/json.hpp>

namespace ts::serve {

namespace {

using nlohmann::json;

std::string takeString(json& j)
{
    return j.is_string() ? std::move(j.get_ref<std::string&>()) : std::string();
}

std::string breakpointOf(const json& block)
{
    if (!block.contains("cache_control") || !block["cache_control"].is_object())
        return {};
    return block["cache_control"].value("ttl", "5m");
}

// A string, or the text of an array of text blocks.
std::string textOf(json& content)
{
    if (content.is_string())
        return takeString(content);
    std::string out;
    if (content.is_array())
        for (json& block : content)
            if (block.value("type", "") == "text")
                out += takeString(block["text"]);
    return out;
}

ImagePart readImage(json& block)
{
    json& source = block["source"];
    if (source.value("type", "") == "url")
        return imageFromUrl(takeString(source["url"]));
    ImagePart image;
    image.mediaType = takeString(source["media_type"]);
    image.base64 = takeString(source["data"]);
    return image;
}

// One API message; tool_result blocks come out as tool messages before the rest of it.
void readMessage(json& m, std::size_t index, std::vector<Message>& out)
{
    const std::string roleText = m.value("role", "");
    if (roleText != "user" && roleText != "assistant")
        throw std::domain_error("messages." + std::to_string(index) + ".role: Input should be 'user' or 'assistant'");
    Message message;
    message.role = roleText == "user" ? Role::User : Role::Assistant;
    json& content = m["content"];
    if (content.is_string()) {
        message.content = takeString(content);
        out.push_back(std::move(message));
        return;
    }
    for (json& block : content) {
        const std::string type = block.value("type", "");
        if (type == "text") {
            message.content += takeString(block["text"]);
        } else if (type == "image") {
            message.images.push_back(readImage(block));
        } else if (type == "tool_use") {
            message.toolCalls.push_back({takeString(block["id"]), takeString(block["name"]),
                                         block.contains("input") ? block["input"].dump() : std::string("{}")});
        } else if (type == "tool_result") {
            Message result{Role::Tool, textOf(block["content"])};
            result.toolCallId = takeString(block["tool_use_id"]);
            out.push_back(std::move(result));
        } else if (type != "thinking" && type != "redacted_thinking") {
            throw std::invalid_argument("content block type '" + type + "' is not supported by this gateway");
        }
        if (auto bp = breakpointOf(block); !bp.empty())
            message.cacheBreakpoint = std::move(bp);
    }
    if (!message.content.empty() || !message.images.empty() || !message.toolCalls.empty())
        out.push_back(std::move(message));
}

void readSystem(json& system, std::vector<Message>& out)
{
    Message message{Role::System, textOf(system)};
    if (system.is_array())
        for (const json& block : system)
            if (auto bp = breakpointOf(block); !bp.empty())
                message.cacheBreakpoint = std::move(bp);
    if (!message.content.empty())
        out.push_back(std::move(message));
}

ToolDefinition readTool(json& tool)
{
    ToolDefinition out;
    out.name = takeString(tool["name"]);
    out.description = tool.contains("description") ? takeString(tool["description"]) : std::string();
    out.parametersJson = tool.contains("input_schema") ? tool["input_schema"].dump() : std::string("{}");
    return out;
}

std::optional<GatewayError> missing(const json& body)
{
    if (!body.contains("model") || !body["model"].is_string())
        return invalidRequest("model: Field required", "model");
    if (!body.contains("max_tokens") || !body["max_tokens"].is_number_integer())
        return invalidRequest("max_tokens: Field required", "max_tokens");
    if (!body.contains("messages") || !body["messages"].is_array())
        return invalidRequest("messages: Field required", "messages");
    return std::nullopt;
}

void readBody(json& body, ChatRequest& r)
{
    r.model = takeString(body["model"]);
    r.maxTokens = body["max_tokens"].get<int>();
    if (body.contains("system"))
        readSystem(body["system"], r.messages);
    json& messages = body["messages"];
    for (std::size_t i = 0; i < messages.size(); ++i)
        readMessage(messages[i], i, r.messages);
    if (body.contains("tools") && body["tools"].is_array())
        for (json& tool : body["tools"])
            r.tools.push_back(readTool(tool));
    if (body.contains("temperature") && body["temperature"].is_number())
        r.temperature = body["temperature"].get<double>();
    if (body.contains("top_p") && body["top_p"].is_number())
        r.topP = body["top_p"].get<double>();
    r.stream = body.value("stream", false);
    if (body.contains("metadata") && body["metadata"].is_object() && body["metadata"].contains("user_id"))
        r.meta.user = takeString(body["metadata"]["user_id"]);
}

} // namespace

InboundChat parseAnthropicMessages(std::string_view text)
{
    InboundChat in;
    std::optional<json> parsed = readBodyObject(text, in);
    if (!parsed)
        return in;
    json& body = *parsed;
    if ((in.error = missing(body)))
        return in;
    try {
        readBody(body, in.request);
    } catch (const std::exception& e) {
        in.error = invalidRequest(e.what());
    }
    return in;
}

} // namespace ts::serve
