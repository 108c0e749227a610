#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

namespace ts::bench {

// A benchmark text and a one-line account of exactly what it is made of.
struct Corpus {
    std::string name;
    std::string text;
    std::string description;
};

// Multi-script and English prose, repeated to at least minBytes: every fixture text in
// tests/data/tokenizer/*.jsonl without a run of one character longer than 16 bytes (the long-run
// cases measure something else), the regular files in /usr/share/common-licenses, README.md and
// docs/**/*.md.
Corpus proseCorpus(const std::filesystem::path& sourceDir, std::size_t minBytes);
// The project's own *.cpp and *.h under core/ ui/ app/ tests/ bench/, repeated to at least minBytes.
Corpus codeCorpus(const std::filesystem::path& sourceDir, std::size_t minBytes);
// `bytes` copies of one character.
Corpus runCorpus(char character, std::size_t bytes);

} // namespace ts::bench
