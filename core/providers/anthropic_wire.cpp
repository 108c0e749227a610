#include "providers/anthropic_wire.h"

#include <stdexcept>

namespace ts::anthropic {

using nlohmann::json;

namespace {

constexpr int kDefaultMaxTokens = 4096; // Messages requires max_tokens

json schemaObject(const std::string& text, const std::string& what)
{
    json parsed = json::parse(text.empty() ? std::string("{}") : text, nullptr, false);
    if (parsed.is_discarded())
        throw std::invalid_argument(what + " is not valid JSON");
    return parsed.is_object() ? parsed : json{{"type", "object"}};
}

// Arguments are what the model wrote, so they are forgiven: the API wants an object.
json toolInput(const std::string& arguments)
{
    json parsed = json::parse(arguments.empty() ? std::string("{}") : arguments, nullptr, false);
    return parsed.is_object() ? parsed : json{{"_raw", arguments}};
}

// CacheControlEphemeralParam; the API's default TTL is 5 minutes.
json cacheControl(const std::string& breakpoint)
{
    json control{{"type", "ephemeral"}};
    if (breakpoint == "1h")
        control["ttl"] = "1h";
    return control;
}

json textBlock(const std::string& text) { return {{"type", "text"}, {"text", text}}; }

json imageBlock(const ImagePart& image)
{
    json source = image.url.empty()
                      ? json{{"type", "base64"}, {"media_type", image.mediaType}, {"data", image.base64}}
                      : json{{"type", "url"}, {"url", image.url}};
    return {{"type", "image"}, {"source", std::move(source)}};
}

// The content blocks one message adds to its turn; the breakpoint goes on the last of them.
json blocksOf(const Message& m)
{
    json blocks = json::array();
    switch (m.role) {
    case Role::System:
        break;
    case Role::User:
        // Images first: Anthropic advises putting them before the text that asks about them.
        for (const ImagePart& image : m.images)
            blocks.push_back(imageBlock(image));
        if (!m.content.empty() || m.images.empty())
            blocks.push_back(textBlock(m.content));
        break;
    case Role::Assistant:
        if (!m.content.empty())
            blocks.push_back(textBlock(m.content));
        for (const ToolCall& c : m.toolCalls)
            blocks.push_back(
                {{"type", "tool_use"}, {"id", c.id}, {"name", c.name}, {"input", toolInput(c.arguments)}});
        break;
    case Role::Tool:
        blocks.push_back({{"type", "tool_result"}, {"tool_use_id", m.toolCallId}, {"content", m.content}});
        break;
    }
    if (!m.cacheBreakpoint.empty() && !blocks.empty())
        blocks.back()["cache_control"] = cacheControl(m.cacheBreakpoint);
    return blocks;
}

// Consecutive turns of one role merge: the API wants user and assistant to alternate.
void append(json& messages, const char* role, json blocks)
{
    if (blocks.empty())
        return;
    if (!messages.empty() && messages.back()["role"] == role) {
        for (json& block : blocks)
            messages.back()["content"].push_back(std::move(block));
        return;
    }
    messages.push_back({{"role", role}, {"content", std::move(blocks)}});
}

// One string, or text blocks when a system message carries a cache breakpoint; null when none.
json systemJson(const std::vector<Message>& messages)
{
    json blocks = json::array();
    std::string joined;
    bool cached = false;
    for (const Message& m : messages) {
        if (m.role != Role::System)
            continue;
        json block = textBlock(m.content);
        if (!m.cacheBreakpoint.empty())
            block["cache_control"] = cacheControl(m.cacheBreakpoint);
        blocks.push_back(std::move(block));
        joined += (joined.empty() ? "" : "\n\n") + m.content;
        cached = cached || !m.cacheBreakpoint.empty();
    }
    if (blocks.empty())
        return nullptr;
    return cached ? blocks : json(joined);
}

json toolsJson(const std::vector<ToolDefinition>& tools)
{
    json out = json::array();
    for (const ToolDefinition& t : tools) {
        json tool{{"name", t.name},
                  {"input_schema", schemaObject(t.parametersJson, "tool " + t.name + ": parameters")}};
        if (!t.description.empty())
            tool["description"] = t.description;
        out.push_back(std::move(tool));
    }
    return out;
}

// OutputConfigParam.format = JSONOutputFormatParam {type: "json_schema", schema}: always enforced,
// with no name. Messages has no schema-less JSON mode, so JsonObject goes as plain text.
json outputConfig(const ResponseFormat& format)
{
    if (format.type != ResponseFormat::Type::JsonSchema)
        return nullptr;
    json schema = json::parse(format.schemaJson, nullptr, false);
    if (schema.is_discarded())
        throw std::invalid_argument("response format: the JSON schema is not valid JSON");
    return {{"format", {{"type", "json_schema"}, {"schema", std::move(schema)}}}};
}

} // namespace

json messagesBody(const ChatRequest& request, bool withGeneration)
{
    json body{{"model", request.model}};
    json messages = json::array();
    for (const Message& m : request.messages)
        append(messages, m.role == Role::Assistant ? "assistant" : "user", blocksOf(m));
    if (json system = systemJson(request.messages); !system.is_null())
        body["system"] = std::move(system);
    body["messages"] = std::move(messages);
    if (!request.tools.empty())
        body["tools"] = toolsJson(request.tools);
    if (json output = outputConfig(request.responseFormat); !output.is_null())
        body["output_config"] = std::move(output);
    if (withGeneration) {
        body["max_tokens"] = request.maxTokens.value_or(kDefaultMaxTokens);
        body["stream"] = request.stream;
        if (request.temperature)
            body["temperature"] = *request.temperature;
        if (request.topP)
            body["top_p"] = *request.topP;
    }
    return body;
}

} // namespace ts::anthropic
