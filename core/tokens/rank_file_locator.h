#pragma once
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace ts {

// Where NAME.tiktoken is looked for, in order: $TOKENSCOPE_RESOURCES/tokenizers, then
// <exe dir>/../share/tokenscope/tokenizers, then the source tree's resources/tokenizers.
std::vector<std::filesystem::path> rankFileSearchDirs();
std::optional<std::filesystem::path> findRankFile(std::string_view encodingName);

} // namespace ts
