#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

enum class Role { System, User, Assistant, Tool };

std::string_view roleName(Role role);
std::optional<Role> roleFromString(std::string_view name);

struct ToolCall
{
    std::string id;
    std::string name;
    std::string arguments; // JSON text, as the model wrote it
    // Provider-opaque data that must go back with the call in the next request (Gemini's
    // thoughtSignature on a functionCall part); empty for most providers.
    std::string signature;

    bool operator==(const ToolCall&) const = default;
};

// An image attached to a user message: inline bytes (base64) or a URL the provider fetches.
struct ImagePart
{
    std::string mediaType; // image/png, image/jpeg, image/webp, image/gif
    std::string base64;    // inline data, without a data: prefix
    std::string url;       // or a URL (OpenAI and Anthropic accept one)

    bool operator==(const ImagePart&) const = default;
};

struct Message
{
    Role role = Role::User;
    std::string content;
    std::vector<ToolCall> toolCalls; // assistant messages
    std::string toolCallId;          // tool messages: the call this answers
    std::string name;
    std::vector<ImagePart> images;   // user messages, where the API takes images
    // Anthropic prompt caching: a cache_control breakpoint on this message's last block,
    // "5m" (ephemeral, the default) or "1h"; empty: none. Other providers cache on their own.
    std::string cacheBreakpoint;

    bool operator==(const Message&) const = default;
};

struct ToolDefinition
{
    std::string name;
    std::string description;
    std::string parametersJson; // JSON Schema text

    bool operator==(const ToolDefinition&) const = default;
};

} // namespace ts
