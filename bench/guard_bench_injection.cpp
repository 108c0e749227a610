#include "guard_bench_injection.h"

#include "guard/injection_detector.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

namespace ts::bench {

namespace {

struct Sample
{
    std::string text;
    bool injection = false;
    std::string kind;
};

struct Counts
{
    int tp = 0, fn = 0, fp = 0, tn = 0;

    void add(bool truth, bool flagged) { (truth ? (flagged ? tp : fn) : (flagged ? fp : tn))++; }
};

double ratio(int a, int b)
{
    return b == 0 ? 0.0 : double(a) / double(b);
}

// A dash where a kind has nothing to measure: the recall of a benign kind is meaningless.
std::string cell(int a, int b)
{
    if (b == 0)
        return "     -";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%6.3f", ratio(a, b));
    return buf;
}

void printRow(const std::string& name, const Counts& c)
{
    std::printf("  %-18s %5d  recall %s  fp-rate %s  precision %s\n", name.c_str(), c.tp + c.fn + c.fp + c.tn,
                cell(c.tp, c.tp + c.fn).c_str(), cell(c.fp, c.fp + c.tn).c_str(),
                cell(c.tp, c.tp + c.fn > 0 ? c.tp + c.fp : 0).c_str());
}

bool readSet(const std::string& path, std::vector<Sample>& samples, int& malformed)
{
    std::ifstream in(path);
    if (!in)
        return false;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        const auto row = nlohmann::json::parse(line, nullptr, false);
        if (row.is_discarded() || !row.is_object() || !row.contains("text") || !row["text"].is_string() ||
            !row.contains("injection") || !row["injection"].is_boolean()) {
            ++malformed;
            continue;
        }
        samples.push_back({row["text"].get<std::string>(), row["injection"].get<bool>(),
                           row.value("kind", std::string("unknown"))});
    }
    return true;
}

} // namespace

void printInjectionQuality(const std::string& labelledPath)
{
    std::vector<Sample> samples;
    int malformed = 0;
    if (!readSet(labelledPath, samples, malformed)) {
        std::printf("injection quality: cannot read %s\n", labelledPath.c_str());
        return;
    }
    if (samples.empty()) {
        std::printf("injection quality: %s holds no usable lines (%d malformed)\n", labelledPath.c_str(),
                    malformed);
        return;
    }
    const guard::InjectionDetector detector;
    Counts all;
    std::map<std::string, Counts> byKind;
    std::size_t bytes = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const Sample& s : samples) {
        const bool flagged = detector.assess(s.text).score >= guard::kInjectionThreshold;
        all.add(s.injection, flagged);
        byKind[s.kind].add(s.injection, flagged);
        bytes += s.text.size();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("injection quality at threshold %.2f on %s (%zu samples, %d malformed lines skipped)\n",
                guard::kInjectionThreshold, labelledPath.c_str(), samples.size(), malformed);
    printRow("all", all);
    for (const auto& [kind, counts] : byKind)
        printRow(kind, counts);
    std::printf("  throughput %.2f MB/s (%zu bytes in %.3f s, one thread)\n",
                seconds > 0 ? double(bytes) / 1e6 / seconds : 0.0, bytes, seconds);
}

} // namespace ts::bench
