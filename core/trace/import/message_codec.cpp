#include "trace/import/message_codec.h"

#include "serve/inbound_chat.h"

#include <nlohmann/json.hpp>

namespace ts::import {

namespace {

using nlohmann::json;

constexpr std::string_view kCacheKey = "tokenscope.cache_control";
constexpr std::string_view kSignatureKey = "tokenscope.signature";

std::string stringOf(const json& v)
{
    return v.is_string() ? v.get<std::string>() : std::string();
}

// Text as logs hold it: a string as is, anything else as its JSON text (a tool's object result).
std::string textOf(const json& v)
{
    if (v.is_string())
        return v.get<std::string>();
    return v.is_null() ? std::string() : v.dump();
}

std::string field(const json& object, const char* key)
{
    const auto it = object.find(key);
    return it == object.end() ? std::string() : stringOf(*it);
}

std::optional<Role> roleOf(std::string_view name)
{
    if (name == "developer")
        return Role::System;
    if (name == "human")
        return Role::User;
    if (name == "ai" || name == "model")
        return Role::Assistant;
    if (name == "function")
        return Role::Tool;
    return roleFromString(name);
}

// LangChain's serialised messages: {"lc":1,"type":"constructor","id":[...,"HumanMessage"],"kwargs":{...}}.
std::optional<Role> langChainRole(const json& m)
{
    const json& id = m["id"];
    if (!id.is_array() || id.empty() || !id.back().is_string())
        return std::nullopt;
    const std::string cls = id.back().get<std::string>();
    if (cls == "HumanMessage" || cls == "HumanMessageChunk")
        return Role::User;
    if (cls == "AIMessage" || cls == "AIMessageChunk")
        return Role::Assistant;
    if (cls == "SystemMessage")
        return Role::System;
    if (cls == "ToolMessage" || cls == "FunctionMessage")
        return Role::Tool;
    if (cls == "ChatMessage" && m["kwargs"].is_object())
        return roleOf(field(m["kwargs"], "role"));
    return std::nullopt;
}

ImagePart imageOfBlock(const json& block)
{
    const json& source = block.contains("source") ? block["source"] : json();
    if (source.is_object() && source.value("type", "") == "url")
        return serve::imageFromUrl(field(source, "url"));
    ImagePart image;
    if (source.is_object()) {
        image.mediaType = field(source, "media_type");
        image.base64 = field(source, "data");
    }
    return image;
}

ToolCall toolCallOf(const json& call)
{
    ToolCall out;
    out.id = field(call, "id");
    if (call.contains("function") && call["function"].is_object()) { // OpenAI
        out.name = field(call["function"], "name");
        out.arguments = textOf(call["function"].value("arguments", json()));
    } else { // Anthropic tool_use (input), LangChain (args), GenAI tool_call (arguments)
        out.name = field(call, "name");
        for (const char* key : {"arguments", "input", "args"})
            if (call.contains(key)) {
                out.arguments = textOf(call[key]);
                break;
            }
    }
    out.signature = field(call, kSignatureKey.data());
    return out;
}

// One GenAI part; a tool_call_response makes the message a tool answer.
void readGenAiPart(const json& part, Message& m)
{
    const std::string type = field(part, "type");
    if (type == "text")
        m.content += textOf(part.value("content", json()));
    else if (type == "tool_call")
        m.toolCalls.push_back(toolCallOf(part));
    else if (type == "tool_call_response") {
        m.toolCallId = field(part, "id");
        m.content += textOf(part.contains("response") ? part["response"] : part.value("result", json()));
    } else if (type == "blob" && field(part, "modality") == "image")
        m.images.push_back({field(part, "mime_type"), field(part, "content"), {}});
    else if (type == "uri" && field(part, "modality") == "image")
        m.images.push_back({field(part, "mime_type"), {}, field(part, "uri")});
    // reasoning, file and server tool parts have no place in a Message; they are left out.
}

// One OpenAI / Anthropic / Responses content part. Anthropic tool_result blocks become tool
// messages of their own, placed before the message they came in (as the gateway reads them).
void readContentPart(const json& part, Message& m, std::vector<Message>& toolResults)
{
    if (part.is_string()) {
        m.content += part.get<std::string>();
        return;
    }
    if (!part.is_object())
        return;
    const std::string type = field(part, "type");
    if (type == "text" || type == "input_text" || type == "output_text")
        m.content += field(part, "text");
    else if (type == "image_url") {
        const json& url = part.value("image_url", json());
        m.images.push_back(serve::imageFromUrl(url.is_object() ? field(url, "url") : stringOf(url)));
    } else if (type == "image")
        m.images.push_back(imageOfBlock(part));
    else if (type == "tool_use")
        m.toolCalls.push_back(toolCallOf(part));
    else if (type == "tool_result") {
        Message result;
        result.role = Role::Tool;
        result.toolCallId = field(part, "tool_use_id");
        const json& content = part.value("content", json());
        if (content.is_array())
            for (const json& block : content)
                result.content += field(block, "text");
        else
            result.content = textOf(content);
        toolResults.push_back(std::move(result));
    }
    if (part.contains("cache_control") && part["cache_control"].is_object())
        m.cacheBreakpoint = part["cache_control"].value("ttl", "5m");
}

// The role a message object names (LangChain's class, "role", or LangChain's dict "type"), or the
// fallback when it names none. False when it names one that is not a role.
bool roleOfMessage(const json& raw, bool langChain, std::optional<Role> fallback, Role& out)
{
    std::optional<Role> role = langChain ? langChainRole(raw) : std::nullopt;
    if (!role && raw.contains("role"))
        role = roleOf(field(raw, "role"));
    else if (!role && raw.contains("type")) // LangChain's dict form: {"type":"human","data":{...}}
        role = roleOf(field(raw, "type"));
    else if (!role)
        role = fallback;
    if (!role)
        return false;
    out = *role;
    return true;
}

// One message object in any of the shapes; "" or why not.
std::string readOne(const json& raw, std::optional<Role> fallback, std::vector<Message>& out)
{
    if (raw.is_string()) {
        out.push_back({fallback.value_or(Role::User), raw.get<std::string>(), {}, {}, {}, {}, {}});
        return {};
    }
    if (!raw.is_object())
        return "a message is neither an object nor a string";
    const bool langChain = raw.contains("kwargs") && raw["kwargs"].is_object();
    const json& m = langChain ? raw["kwargs"] : raw.contains("data") && raw["data"].is_object() ? raw["data"] : raw;
    Message message;
    if (!roleOfMessage(raw, langChain, fallback, message.role))
        return "role '" + field(raw, raw.contains("role") ? "role" : "type") +
               "' is not one of system, developer, user, assistant, tool";
    std::vector<Message> toolResults;
    if (m.contains("parts") && m["parts"].is_array()) {
        for (const json& part : m["parts"])
            if (part.is_object())
                readGenAiPart(part, message);
    } else if (m.contains("content")) {
        const json& content = m["content"];
        if (content.is_array())
            for (const json& part : content)
                readContentPart(part, message, toolResults);
        else
            message.content = textOf(content);
    }
    for (const char* key : {"tool_calls", "function_call"})
        if (m.contains(key)) {
            const json& calls = m[key];
            if (calls.is_array())
                for (const json& call : calls)
                    if (call.is_object())
                        message.toolCalls.push_back(toolCallOf(call));
            if (calls.is_object()) // the legacy single function_call
                message.toolCalls.push_back(toolCallOf(json{{"function", calls}}));
        }
    if (message.toolCallId.empty())
        message.toolCallId = field(m, "tool_call_id");
    message.name = field(m, "name");
    if (message.cacheBreakpoint.empty())
        message.cacheBreakpoint = field(m, kCacheKey.data());
    for (Message& result : toolResults)
        out.push_back(std::move(result));
    if (!toolResults.empty() && message.content.empty() && message.toolCalls.empty() && message.images.empty())
        return {}; // the message held only tool results
    out.push_back(std::move(message));
    return {};
}

std::string readList(const json& list, std::optional<Role> fallback, std::vector<Message>& out)
{
    std::vector<Message> read;
    for (std::size_t i = 0; i < list.size(); ++i)
        if (std::string why = readOne(list[i], fallback, read); !why.empty())
            return "messages[" + std::to_string(i) + "]: " + why;
    for (Message& m : read)
        out.push_back(std::move(m));
    return {};
}

} // namespace

json toGenAiMessages(const std::vector<Message>& messages)
{
    json out = json::array();
    for (const Message& m : messages) {
        json parts = json::array();
        if (m.role == Role::Tool)
            parts.push_back({{"type", "tool_call_response"}, {"id", m.toolCallId}, {"response", m.content}});
        else if (!m.content.empty())
            parts.push_back({{"type", "text"}, {"content", m.content}});
        for (const ImagePart& image : m.images) {
            if (image.url.empty())
                parts.push_back({{"type", "blob"}, {"modality", "image"}, {"mime_type", image.mediaType},
                                 {"content", image.base64}});
            else
                parts.push_back({{"type", "uri"}, {"modality", "image"}, {"mime_type", image.mediaType},
                                 {"uri", image.url}});
        }
        for (const ToolCall& call : m.toolCalls) {
            // Arguments stay the text the model wrote (parsing would lose its spacing).
            json part = {{"type", "tool_call"}, {"id", call.id}, {"name", call.name}, {"arguments", call.arguments}};
            if (!call.signature.empty())
                part[std::string(kSignatureKey)] = call.signature;
            parts.push_back(std::move(part));
        }
        json message = {{"role", std::string(roleName(m.role))}, {"parts", std::move(parts)}};
        if (!m.name.empty())
            message["name"] = m.name;
        if (m.role != Role::Tool && !m.toolCallId.empty())
            message["tool_call_id"] = m.toolCallId;
        if (!m.cacheBreakpoint.empty())
            message[std::string(kCacheKey)] = m.cacheBreakpoint;
        out.push_back(std::move(message));
    }
    return out;
}

std::string readMessages(const json& value, std::vector<Message>& out)
{
    if (value.is_string())
        return readOne(value, Role::User, out);
    if (value.is_object() && value.contains("messages") && value["messages"].is_array())
        return readList(value["messages"], Role::User, out);
    if (value.is_object() && (value.contains("role") || value.contains("kwargs")))
        return readOne(value, Role::User, out);
    if (value.is_array())
        return readList(value, Role::User, out);
    return "not a list of messages (" + std::string(value.type_name()) + ")";
}

std::string readReply(const json& value, std::vector<Message>& out)
{
    if (value.is_string() || value.is_array())
        return value.is_string() ? readOne(value, Role::Assistant, out) : readList(value, Role::Assistant, out);
    if (!value.is_object())
        return "not a reply (" + std::string(value.type_name()) + ")";
    if (value.contains("choices") && value["choices"].is_array()) { // a chat completion: its first choice
        if (value["choices"].empty())
            return "the reply has no choices";
        return readReply(value["choices"][0], out);
    }
    if (value.contains("message") && value["message"].is_object()) // a choice
        return readOne(value["message"], Role::Assistant, out);
    if (value.contains("generations") && value["generations"].is_array()) { // LangChain's LLMResult
        const json* first = &value["generations"];
        while (first->is_array() && !first->empty())
            first = &(*first)[0];
        if (!first->is_object())
            return "the reply has no generations";
        if (first->contains("message"))
            return readOne((*first)["message"], Role::Assistant, out);
        return readOne(first->value("text", json("")), Role::Assistant, out);
    }
    if (value.contains("output") && value["output"].is_array()) { // the Responses API
        std::vector<Message> read;
        for (const json& item : value["output"])
            if (field(item, "type") == "message")
                if (std::string why = readOne(item, Role::Assistant, read); !why.empty())
                    return why;
        for (Message& m : read)
            out.push_back(std::move(m));
        return {};
    }
    if (value.contains("role") || value.contains("content") || value.contains("kwargs"))
        return readOne(value, Role::Assistant, out);
    if (value.contains("text")) // a completion choice
        return readOne(value["text"], Role::Assistant, out);
    return "not a reply: no choices, message, content or text";
}

} // namespace ts::import
