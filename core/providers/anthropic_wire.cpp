#include "providers/anthropic_wire.h"

namespace ts::anthropic {

using nlohmann::json;

namespace {

constexpr int kDefaultMaxTokens = 4096; // Messages requires max_tokens

json toolInput(const std::string& arguments)
{
    json parsed = json::parse(arguments.empty() ? std::string("{}") : arguments, nullptr, false);
    return parsed.is_object() ? parsed : json{{"_raw", arguments}};
}

// Consecutive turns of one role merge: the API wants user and assistant to alternate.
void append(json& messages, const char* role, json block)
{
    if (!messages.empty() && messages.back()["role"] == role) {
        messages.back()["content"].push_back(std::move(block));
        return;
    }
    messages.push_back({{"role", role}, {"content", json::array({std::move(block)})}});
}

} // namespace

json messagesBody(const ChatRequest& request, bool withGeneration)
{
    json body{{"model", request.model}};
    std::string system;
    json messages = json::array();
    for (const Message& m : request.messages) {
        switch (m.role) {
        case Role::System:
            system += (system.empty() ? "" : "\n\n") + m.content;
            break;
        case Role::User:
            append(messages, "user", {{"type", "text"}, {"text", m.content}});
            break;
        case Role::Assistant:
            if (!m.content.empty())
                append(messages, "assistant", {{"type", "text"}, {"text", m.content}});
            for (const ToolCall& c : m.toolCalls)
                append(messages, "assistant",
                       {{"type", "tool_use"}, {"id", c.id}, {"name", c.name}, {"input", toolInput(c.arguments)}});
            break;
        case Role::Tool:
            append(messages, "user", {{"type", "tool_result"}, {"tool_use_id", m.toolCallId}, {"content", m.content}});
            break;
        }
    }
    if (!system.empty())
        body["system"] = system;
    body["messages"] = std::move(messages);
    if (!request.tools.empty()) {
        json tools = json::array();
        for (const ToolDefinition& t : request.tools) {
            json schema = json::parse(t.parametersJson.empty() ? std::string("{}") : t.parametersJson, nullptr, false);
            if (!schema.is_object())
                schema = {{"type", "object"}};
            json tool{{"name", t.name}, {"input_schema", std::move(schema)}};
            if (!t.description.empty())
                tool["description"] = t.description;
            tools.push_back(std::move(tool));
        }
        body["tools"] = std::move(tools);
    }
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
