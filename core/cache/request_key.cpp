#include "cache/request_key.h"

#include "tokens/sha256.h"

#include <nlohmann/json.hpp>

namespace ts::cache {

namespace {

using nlohmann::json;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// JSON text with its object keys sorted (nlohmann's objects are ordered maps); text that is not
// JSON stays as it is, so it still has to match byte for byte.
json normalisedJson(const std::string& text)
{
    if (text.empty())
        return text;
    json parsed = json::parse(text, nullptr, false);
    return parsed.is_discarded() ? json(text) : parsed;
}

json toolCallJson(const ToolCall& call)
{
    return {{"id", call.id}, {"name", call.name}, {"arguments", normalisedJson(call.arguments)},
            {"signature", call.signature}};
}

// An inline image by its hash: the same picture matches without the key holding megabytes.
json imageJson(const ImagePart& image)
{
    return {{"media_type", image.mediaType}, {"url", image.url},
            {"data_sha256", image.base64.empty() ? std::string() : sha256Hex(image.base64)}};
}

// The cache breakpoint is left out: it changes the bill, not the answer.
json messageJson(const Message& m, WhitespacePolicy whitespace)
{
    json calls = json::array();
    for (const ToolCall& c : m.toolCalls)
        calls.push_back(toolCallJson(c));
    json images = json::array();
    for (const ImagePart& i : m.images)
        images.push_back(imageJson(i));
    return {{"role", roleName(m.role)},
            {"content", whitespace == WhitespacePolicy::Collapse ? collapseWhitespace(m.content) : m.content},
            {"tool_calls", std::move(calls)},
            {"tool_call_id", m.toolCallId},
            {"name", m.name},
            {"images", std::move(images)}};
}

json toolJson(const ToolDefinition& t)
{
    return {{"name", t.name}, {"description", t.description}, {"parameters", normalisedJson(t.parametersJson)}};
}

json formatJson(const ResponseFormat& f)
{
    static constexpr const char* kTypes[] = {"text", "json_object", "json_schema"};
    return {{"type", kTypes[static_cast<int>(f.type)]},
            {"name", f.name},
            {"schema", normalisedJson(f.schemaJson)},
            {"strict", f.strict}};
}

template <typename T>
json optional(const std::optional<T>& v)
{
    return v ? json(*v) : json(nullptr);
}

} // namespace

std::string collapseWhitespace(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool gap = false;
    for (char c : text) {
        if (isSpace(c)) {
            gap = !out.empty();
            continue;
        }
        if (gap)
            out += ' ';
        gap = false;
        out += c;
    }
    return out;
}

RequestKey requestKey(const ChatRequest& request, const KeyPolicy& policy)
{
    json messages = json::array();
    for (const Message& m : request.messages)
        messages.push_back(messageJson(m, policy.whitespace));
    json tools = json::array();
    for (const ToolDefinition& t : request.tools)
        tools.push_back(toolJson(t));
    RequestKey key;
    key.user = policy.shareAcrossUsers ? std::string() : request.meta.user;
    const json canonical{{"provider", request.provider},
                         {"model", request.model},
                         {"messages", std::move(messages)},
                         {"tools", std::move(tools)},
                         {"response_format", formatJson(request.responseFormat)},
                         {"temperature", optional(request.temperature)},
                         {"top_p", optional(request.topP)},
                         {"max_tokens", optional(request.maxTokens)},
                         {"seed", optional(request.seed)},
                         {"whitespace", policy.whitespace == WhitespacePolicy::Collapse ? "collapse" : "exact"},
                         {"user", policy.shareAcrossUsers ? json(nullptr) : json(key.user)}};
    try {
        key.canonical = canonical.dump();
        key.digest = sha256Hex(key.canonical);
    } catch (const json::type_error&) {
        // Text that is not UTF-8: shown with U+FFFD, but hashed with its raw bytes too, so two
        // prompts that differ only in their invalid bytes never share an entry.
        key.canonical = canonical.dump(-1, ' ', false, json::error_handler_t::replace);
        std::string raw = key.canonical;
        for (const Message& m : request.messages)
            raw.append(1, '\0').append(m.content);
        key.digest = sha256Hex(raw);
    }
    return key;
}

} // namespace ts::cache
