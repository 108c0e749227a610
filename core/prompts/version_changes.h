#pragma once
#include "prompts/prompt_version.h"

#include <string>
#include <vector>

namespace ts::prompts {

// One setting that differs between two versions, as text for a table ("—" where unset).
struct SettingChange
{
    std::string setting; // "Model", "Temperature", "Variable {{city}}", ...
    std::string before;
    std::string after;
    bool operator==(const SettingChange&) const = default;
};

// Provider, model, every parameter, then the last variable values; texts are compared elsewhere.
std::vector<SettingChange> settingChanges(const PromptVersion& before, const PromptVersion& after);

} // namespace ts::prompts
