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

    bool operator==(const ToolCall&) const = default;
};

struct Message
{
    Role role = Role::User;
    std::string content;
    std::vector<ToolCall> toolCalls; // assistant messages
    std::string toolCallId;          // tool messages: the call this answers
    std::string name;

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
