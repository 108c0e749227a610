#pragma once
#include "prompts/prompt_version.h"

#include <string>

// How a version's parameters and variable values are kept in the workspace (JSON text columns).
namespace ts::prompts::json {

std::string paramsToJson(const PromptParams& params);
// Unknown keys are ignored and bad text gives default parameters, so an old file always reads.
PromptParams paramsFromJson(const std::string& text);

std::string variablesToJson(const VariableValues& values);
VariableValues variablesFromJson(const std::string& text);

} // namespace ts::prompts::json
