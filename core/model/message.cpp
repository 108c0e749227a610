#include "model/message.h"

#include <array>

namespace ts {

namespace {
constexpr std::array<std::string_view, 4> kRoleNames{"system", "user", "assistant", "tool"};
}

std::string_view roleName(Role role) { return kRoleNames.at(static_cast<size_t>(role)); }

std::optional<Role> roleFromString(std::string_view name)
{
    for (size_t i = 0; i < kRoleNames.size(); ++i)
        if (kRoleNames[i] == name)
            return static_cast<Role>(i);
    if (name == "developer") // OpenAI's newer name for system instructions
        return Role::System;
    return std::nullopt;
}

} // namespace ts
