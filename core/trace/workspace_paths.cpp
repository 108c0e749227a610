#include "trace/workspace_paths.h"

#include <cstdlib>
#include <filesystem>

namespace ts {

std::string dataDirectory()
{
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::string(xdg) + "/tokenscope";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share/tokenscope";
}

std::string defaultWorkspacePath() { return dataDirectory() + "/workspace.tokenscope"; }
std::string demoWorkspacePath() { return dataDirectory() + "/demo.tokenscope"; }

bool fileExists(const std::string& path)
{
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

} // namespace ts
