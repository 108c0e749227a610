#include "js_tiktoken.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace ts::bench {
namespace {

std::string shellQuoted(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct CommandOutput {
    std::string text;
    int exitCode = -1;
};

CommandOutput run(const std::string& command)
{
    CommandOutput out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        out.text.append(buffer, n);
    const int status = pclose(pipe);
    out.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

} // namespace

std::string jsTiktokenMissing(const fs::path& jsDir)
{
    if (run("node --version 2>/dev/null").exitCode != 0)
        return "node is not on PATH";
    if (!fs::exists(jsDir / "node_modules/js-tiktoken/package.json"))
        return "js-tiktoken is not installed; run: npm ci --prefix " + shellQuoted(jsDir.string());
    return {};
}

std::string jsTiktokenVersion(const fs::path& jsDir)
{
    if (auto missing = jsTiktokenMissing(jsDir); !missing.empty())
        return missing;
    std::ifstream in(jsDir / "node_modules/js-tiktoken/package.json");
    const auto package = nlohmann::json::parse(in, nullptr, false);
    auto node = run("node --version").text;
    while (!node.empty() && (node.back() == '\n' || node.back() == '\r'))
        node.pop_back();
    return "js-tiktoken " + package.value("version", std::string("?")) + ", node " + node;
}

JsResult runJsTiktoken(const fs::path& jsDir, const std::string& encoding, const std::vector<fs::path>& files,
                       int runs, int timeoutSeconds)
{
    std::string command = "timeout " + std::to_string(timeoutSeconds) + " node "
                          + shellQuoted((jsDir / "tiktoken_bench.mjs").string()) + " --encoding "
                          + shellQuoted(encoding) + " --runs " + std::to_string(runs) + " --budget 20";
    for (const auto& file : files)
        command += " " + shellQuoted(file.string());
    const auto output = run(command);
    if (output.exitCode == 124)
        return {{}, "timed out after " + std::to_string(timeoutSeconds) + " s"};
    const auto json = nlohmann::json::parse(output.text, nullptr, false);
    if (output.exitCode != 0 || json.is_discarded() || !json.contains("files"))
        return {{}, "node failed (exit " + std::to_string(output.exitCode) + ")"};
    JsResult result;
    for (const auto& file : json.at("files"))
        result.files.push_back({file.at("bytes").get<std::size_t>(), file.at("tokens").get<std::size_t>(),
                                file.at("seconds").get<double>(), file.at("runs").get<int>()});
    return result;
}

} // namespace ts::bench
