#include "tokens/encoding_for_model.h"

#include <array>

namespace ts {

std::optional<std::string_view> encodingForModel(std::string_view model)
{
    // Longer prefixes first: "gpt-4o" and "gpt-4.1" must win over "gpt-4".
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kPrefixes = {{
        {"gpt-4o", "o200k_base"}, {"gpt-4.1", "o200k_base"}, {"gpt-4.5", "o200k_base"},
        {"chatgpt-4o", "o200k_base"}, {"gpt-5", "o200k_base"}, {"o1", "o200k_base"},
        {"o3", "o200k_base"}, {"o4", "o200k_base"}, {"gpt-4", "cl100k_base"},
        {"gpt-3.5", "cl100k_base"}, {"text-embedding-", "cl100k_base"},
    }};
    for (const auto& [prefix, encoding] : kPrefixes)
        if (model.starts_with(prefix))
            return encoding;
    return std::nullopt;
}

} // namespace ts
