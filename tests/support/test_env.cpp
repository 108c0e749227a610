#include "test_env.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ts::test {

namespace {
std::string env(const char* name)
{
    const char* v = std::getenv(name);
    if (!v)
        throw std::runtime_error(std::string(name) + " is not set: run the test through ctest");
    return v;
}
} // namespace

std::string dataDir() { return env("TOKENSCOPE_TEST_DATA"); }
std::string cliPath() { return env("TOKENSCOPE_CLI"); }

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace ts::test
