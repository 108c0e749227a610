#pragma once
#include <string>
#include <utility>
#include <vector>

namespace ts {

// What this build of Tokenscope is made of, for the About dialog and bug reports: the version, then
// each library with the version it runs with (read from the library where it can say, so a
// distribution upgrade shows), and the price snapshot compiled in.
struct Component
{
    std::string name;
    std::string version;
};
std::vector<Component> buildComponents();

} // namespace ts
