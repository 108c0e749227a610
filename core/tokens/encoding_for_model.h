#pragma once
#include <optional>
#include <string_view>

namespace ts {

// The tiktoken encoding an OpenAI model id uses (tiktoken/model.py prefixes), or nullopt.
std::optional<std::string_view> encodingForModel(std::string_view modelId);

} // namespace ts
