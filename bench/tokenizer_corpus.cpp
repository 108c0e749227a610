#include "tokenizer_corpus.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace ts::bench {
namespace {

constexpr std::size_t kLongestRun = 16;

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

std::size_t longestRun(const std::string& text)
{
    std::size_t longest = 0;
    for (std::size_t i = 0, run = 0; i < text.size(); ++i) {
        run = i > 0 && text[i] == text[i - 1] ? run + 1 : 1;
        longest = std::max(longest, run);
    }
    return longest;
}

// Regular files (not symlinks) under dir whose name passes keep, sorted by path.
template <typename Keep> std::vector<fs::path> filesUnder(const fs::path& dir, Keep keep)
{
    std::vector<fs::path> out;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(dir, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error))
        if (it->is_regular_file() && !it->is_symlink() && keep(it->path()))
            out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
}

// Appends the files, separated by blank lines; returns how many bytes they added.
std::size_t appendFiles(std::string& text, const std::vector<fs::path>& files)
{
    const auto before = text.size();
    for (const auto& file : files)
        text += readFile(file) + "\n\n";
    return text.size() - before;
}

std::size_t appendFixtureTexts(std::string& text, const fs::path& dir, std::size_t& count)
{
    std::set<std::string> seen;
    const auto before = text.size();
    for (const auto& file : filesUnder(dir, [](const fs::path& p) { return p.extension() == ".jsonl"; })) {
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);) {
            auto fixture = nlohmann::json::parse(line).at("text").get<std::string>();
            if (longestRun(fixture) <= kLongestRun && seen.insert(fixture).second)
                text += fixture + "\n\n";
        }
    }
    count = seen.size();
    return text.size() - before;
}

std::string kib(std::size_t bytes)
{
    return std::to_string((bytes + 512) / 1024) + " KiB";
}

// Whole copies of text until it holds at least minBytes, so no character is cut.
std::string repeatedTo(const std::string& text, std::size_t minBytes, std::size_t& copies)
{
    std::string out;
    for (copies = 0; out.size() < minBytes && !text.empty(); ++copies)
        out += text;
    return out;
}

} // namespace

Corpus proseCorpus(const fs::path& sourceDir, std::size_t minBytes)
{
    std::string unique;
    std::size_t fixtures = 0;
    const auto fixtureBytes = appendFixtureTexts(unique, sourceDir / "tests/data/tokenizer", fixtures);
    const auto licenses = filesUnder("/usr/share/common-licenses", [](const fs::path&) { return true; });
    const auto licenseBytes = appendFiles(unique, licenses);
    auto docs = filesUnder(sourceDir / "docs", [](const fs::path& p) { return p.extension() == ".md"; });
    docs.insert(docs.begin(), sourceDir / "README.md");
    const auto docBytes = appendFiles(unique, docs);
    std::size_t copies = 0;
    auto text = repeatedTo(unique, minBytes, copies);
    return {"prose", std::move(text),
            std::to_string(fixtures)
                + " distinct fixture texts from tests/data/tokenizer/*.jsonl without a run of one "
                  "character over "
                + std::to_string(kLongestRun) + " bytes (" + kib(fixtureBytes) + "), "
                + std::to_string(licenses.size()) + " files of /usr/share/common-licenses ("
                + kib(licenseBytes) + "), README.md + " + std::to_string(docs.size() - 1) + " docs/**/*.md ("
                + kib(docBytes) + "); " + kib(unique.size()) + " repeated " + std::to_string(copies) + "x"};
}

Corpus codeCorpus(const fs::path& sourceDir, std::size_t minBytes)
{
    std::vector<fs::path> files;
    for (const auto* dir : {"core", "ui", "app", "tests", "bench"}) {
        const auto found = filesUnder(sourceDir / dir, [](const fs::path& p) {
            return (p.extension() == ".cpp" || p.extension() == ".h")
                   && p.string().find("node_modules") == std::string::npos;
        });
        files.insert(files.end(), found.begin(), found.end());
    }
    std::string unique;
    appendFiles(unique, files);
    std::size_t copies = 0;
    auto text = repeatedTo(unique, minBytes, copies);
    return {"code", std::move(text),
            std::to_string(files.size()) + " *.cpp/*.h files under core/ ui/ app/ tests/ bench/ ("
                + kib(unique.size()) + "), repeated " + std::to_string(copies) + "x"};
}

Corpus runCorpus(char character, std::size_t bytes)
{
    return {"run", std::string(bytes, character),
            std::to_string(bytes) + " x '" + std::string(1, character) + "'"};
}

} // namespace ts::bench
