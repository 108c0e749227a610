#pragma once
#include <string>

namespace ts::test {

// Paths CTest hands every test through the environment (see tests/CMakeLists.txt).
std::string dataDir();  // tests/data
std::string cliPath();  // the built tokenscope-cli
std::string readFile(const std::string& path);

} // namespace ts::test
