#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace ts::bench {

// One file's figures from bench/js/tiktoken_bench.mjs.
struct JsFigures {
    std::size_t bytes = 0;
    std::size_t tokens = 0;
    double seconds = 0; // best run
    int runs = 0;
};

struct JsResult {
    std::vector<JsFigures> files; // in the order given; empty on failure
    std::string failure;          // why there are no figures
};

// Empty if js-tiktoken is installed in jsDir, else what to run to install it.
std::string jsTiktokenMissing(const std::filesystem::path& jsDir);
// "js-tiktoken 1.0.21, node v20.1.0", or what is missing.
std::string jsTiktokenVersion(const std::filesystem::path& jsDir);

// Runs `node tiktoken_bench.mjs` on the files, killed after timeoutSeconds.
JsResult runJsTiktoken(const std::filesystem::path& jsDir, const std::string& encoding,
                       const std::vector<std::filesystem::path>& files, int runs, int timeoutSeconds);

} // namespace ts::bench
