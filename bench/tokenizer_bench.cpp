// Tokenscope's BPE encoder against js-tiktoken on the same texts, in one run, per encoding:
// speed of each, the ratio, and whether the token counts agree; then the targets.
// js-tiktoken runs in node from bench/js (npm ci --prefix bench/js); without it, only
// Tokenscope's figures are printed. Exit status 1 if a token count disagrees.
#include "js_tiktoken.h"
#include "tokenizer_corpus.h"

#include "tokens/bpe_encoder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace ts::bench;

namespace {

constexpr int kRuns = 5; // best of, on both sides
constexpr std::size_t kProseBytes = 4u << 20;
constexpr std::size_t kCodeBytes = 2u << 20;
constexpr std::size_t kRunBytes = 1u << 20;
constexpr std::size_t kJsRunBytes = 20'000; // js-tiktoken merges a piece in quadratic time
constexpr int kJsTimeoutSeconds = 300;      // per node process
constexpr double kMiB = 1024.0 * 1024.0;

struct Timing {
    std::size_t tokens = 0;
    double seconds = 0; // best run
};

Timing timeTokenscope(const ts::BpeEncoder& encoder, const std::string& text)
{
    Timing timing{encoder.encode(text).size(), 1e300}; // the first call is the warm-up
    for (int i = 0; i < kRuns; ++i) {
        const auto start = std::chrono::steady_clock::now();
        timing.tokens = encoder.encode(text).size();
        timing.seconds = std::min(
            timing.seconds, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return timing;
}

struct Row {
    std::string label;
    std::size_t bytes = 0;
    Timing ours;
    std::optional<JsFigures> js;
    std::string jsNote; // when js is empty
    bool inMilliseconds = false;
};

std::string speed(std::size_t bytes, double seconds, bool inMilliseconds)
{
    char out[64];
    if (inMilliseconds)
        std::snprintf(out, sizeof out, "%.1f ms", seconds * 1e3);
    else
        std::snprintf(out, sizeof out, "%.2f MiB/s", bytes / kMiB / seconds);
    return out;
}

// Prints the row; returns false if the token counts disagree.
bool printRow(const Row& row)
{
    const auto ours = speed(row.bytes, row.ours.seconds, row.inMilliseconds);
    if (!row.js) {
        std::printf("  %-18s %9zu %9zu %14s   %s\n", row.label.c_str(), row.bytes, row.ours.tokens,
                    ours.c_str(), row.jsNote.c_str());
        return true;
    }
    const auto theirs = row.inMilliseconds ? speed(row.bytes, row.js->seconds, true)
                                           : speed(row.js->bytes, row.js->seconds, false);
    const bool agree = row.js->tokens == row.ours.tokens && row.js->bytes == row.bytes;
    std::printf("  %-18s %9zu %9zu %14s %14s %9.1fx   %s (js best of %d)\n", row.label.c_str(), row.bytes,
                row.ours.tokens, ours.c_str(), theirs.c_str(), row.js->seconds / row.ours.seconds,
                agree ? "agree" : "MISMATCH", row.js->runs);
    if (!agree)
        std::printf("  !!! TOKEN COUNT MISMATCH on %s: Tokenscope %zu tokens of %zu bytes, js-tiktoken %zu "
                    "tokens of %zu bytes\n",
                    row.label.c_str(), row.ours.tokens, row.bytes, row.js->tokens, row.js->bytes);
    return agree;
}

void writeFile(const fs::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

void attachJs(std::vector<Row*> rows, const JsResult& result)
{
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i < result.files.size())
            rows[i]->js = result.files[i];
        else
            rows[i]->jsNote = "js-tiktoken: " + result.failure;
    }
}

struct Targets {
    double proseRatio = 0; // 0: not measured
    double proseMiBs = 0;
    double runMs = 0;
};

void printTargets(const std::string& encoding, const Targets& t)
{
    const auto verdict = [](bool met) { return met ? "met" : "NOT MET"; };
    std::printf("  targets for %s:\n", encoding.c_str());
    if (t.proseRatio > 0)
        std::printf("    prose >= 5x js-tiktoken               %9.1fx      %s\n", t.proseRatio,
                    verdict(t.proseRatio >= 5));
    else
        std::printf("    prose >= 5x js-tiktoken               (js-tiktoken not measured)\n");
    std::printf("    prose >= 20 MB/s, one thread          %9.2f MB/s  %s\n", t.proseMiBs * kMiB / 1e6,
                verdict(t.proseMiBs * kMiB / 1e6 >= 20));
    std::printf("    1 MiB run of one character < 100 ms   %9.1f ms    %s\n", t.runMs,
                verdict(t.runMs < 100));
}

} // namespace

int main()
{
    const fs::path sourceDir = TOKENSCOPE_SOURCE_DIR;
    const auto jsDir = sourceDir / "bench/js";
    const auto prose = proseCorpus(sourceDir, kProseBytes);
    const auto code = codeCorpus(sourceDir, kCodeBytes);
    const auto run = runCorpus('_', kRunBytes);
    const auto jsRun = runCorpus('_', kJsRunBytes);

    const auto tempDir =
        fs::temp_directory_path() / ("tokenscope-tokenizer-bench-" + std::to_string(getpid()));
    fs::create_directories(tempDir);
    const auto proseFile = tempDir / "prose.txt";
    const auto codeFile = tempDir / "code.txt";
    const auto runFile = tempDir / "run.txt";
    writeFile(proseFile, prose.text);
    writeFile(codeFile, code.text);
    writeFile(runFile, jsRun.text);

    const auto jsMissing = jsTiktokenMissing(jsDir);
    std::printf("Tokenizer bench: wall time, best of %d runs after a warm-up, one thread; MiB = 2^20 bytes, "
                "MB = 10^6.\n",
                kRuns);
    std::printf("  prose: %s\n  code:  %s\n  run:   %s for Tokenscope; %s for js-tiktoken (quadratic)\n",
                prose.description.c_str(), code.description.c_str(), run.description.c_str(),
                jsRun.description.c_str());
    std::printf("  reference: %s\n", jsTiktokenVersion(jsDir).c_str());

    bool countsAgree = true;
    for (const std::string encoding : {"o200k_base", "cl100k_base"}) {
        const auto encoder = ts::BpeEncoder::load(encoding);
        Row proseRow{"prose", prose.text.size(), timeTokenscope(*encoder, prose.text)};
        Row codeRow{"code", code.text.size(), timeTokenscope(*encoder, code.text)};
        Row jsRunRow{
            "run '_' x 20000", jsRun.text.size(), timeTokenscope(*encoder, jsRun.text), {}, {}, true};
        Row runRow{"run '_' x 1 MiB", run.text.size(), timeTokenscope(*encoder, run.text), {}, {}, true};
        if (jsMissing.empty()) {
            attachJs({&proseRow, &codeRow},
                     runJsTiktoken(jsDir, encoding, {proseFile, codeFile}, kRuns, kJsTimeoutSeconds));
            attachJs({&jsRunRow}, runJsTiktoken(jsDir, encoding, {runFile}, kRuns, kJsTimeoutSeconds));
        } else {
            for (auto* row : {&proseRow, &codeRow, &jsRunRow})
                row->jsNote = "js-tiktoken not run (see \"reference\" above)";
        }
        if (jsRunRow.js) {
            const double scale = double(kRunBytes) / kJsRunBytes;
            char note[160];
            std::snprintf(note, sizeof note,
                          "js-tiktoken not run: ~%.0fx its 20000 time if quadratic, about %.1f h",
                          scale * scale, jsRunRow.js->seconds * scale * scale / 3600);
            runRow.jsNote = note;
        } else {
            runRow.jsNote = "js-tiktoken not run (quadratic)";
        }

        std::printf("\n%-20s %9s %9s %14s %14s %10s\n", encoding.c_str(), "bytes", "tokens", "Tokenscope",
                    "js-tiktoken", "speedup");
        for (const auto* row : {&proseRow, &codeRow, &jsRunRow, &runRow})
            countsAgree = printRow(*row) && countsAgree;
        printTargets(encoding, {proseRow.js ? proseRow.js->seconds / proseRow.ours.seconds : 0,
                                proseRow.bytes / kMiB / proseRow.ours.seconds, runRow.ours.seconds * 1e3});
    }
    fs::remove_all(tempDir);
    if (!countsAgree)
        std::printf("\n!!! Token counts disagree with js-tiktoken; see MISMATCH above.\n");
    return countsAgree ? 0 : 1;
}
