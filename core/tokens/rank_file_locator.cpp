#include "tokens/rank_file_locator.h"

#include <cstdlib>
#include <string>
#include <system_error>

namespace ts {

std::vector<std::filesystem::path> rankFileSearchDirs()
{
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("TOKENSCOPE_RESOURCES"); env && *env)
        dirs.emplace_back(std::filesystem::path(env) / "tokenizers");
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        dirs.emplace_back(exe.parent_path() / ".." / "share" / "tokenscope" / "tokenizers");
#ifdef TOKENSCOPE_SOURCE_RESOURCES
    dirs.emplace_back(std::filesystem::path(TOKENSCOPE_SOURCE_RESOURCES) / "tokenizers");
#endif
    return dirs;
}

std::optional<std::filesystem::path> findRankFile(std::string_view encodingName)
{
    const auto fileName = std::string(encodingName) + ".tiktoken";
    for (const auto& dir : rankFileSearchDirs()) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / fileName, ec))
            return dir / fileName;
    }
    return std::nullopt;
}

} // namespace ts
