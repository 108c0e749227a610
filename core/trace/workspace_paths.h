#pragma once
#include <string>

namespace ts {

// Where workspaces live by default: the XDG data folder ($XDG_DATA_HOME, else ~/.local/share).
std::string dataDirectory();               // .../tokenscope
std::string defaultWorkspacePath();        // the user's own workspace
std::string demoWorkspacePath();           // generated demo traffic, kept apart from real traffic
bool fileExists(const std::string& path);

} // namespace ts
