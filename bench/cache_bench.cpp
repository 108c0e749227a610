// The caches' lookup cost (issue #6), embedding excluded: the semantic cache's HNSW search beside a
// brute-force scan of the same vectors, recall of the one against the other, and the exact cache's
// lookup in a real workspace, at 10,000 and 100,000 entries. Vectors are random unit vectors of 384 dimensions (the
// size of small embedding models such as all-MiniLM-L6-v2 and bge-small), drawn two ways: around
// 1,000 random topic centres (like real prompts, which cluster by topic; the targets are judged on
// these) and uniformly over the sphere (the worst case for any graph index, since no vector has
// near neighbours; at 10,000 entries only, to keep the run short).
#include "cache_bench_exact.h"

#include "cache/embedding_math.h"
#include "cache/embedding_scan.h"
#include "cache/hnsw_index.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kDimension = 384;
constexpr std::size_t kQueries = 200; // of each kind; the brute-force scan bounds the run time
constexpr double kTargetP99Ms = 1.0;
constexpr double kTargetRecall = 0.95;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Latency
{
    std::vector<double> ms;
    double at(double q)
    {
        std::sort(ms.begin(), ms.end());
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
    }
};

std::vector<float> randomUnit(std::mt19937_64& rng)
{
    std::normal_distribution<float> gauss;
    std::vector<float> v(kDimension);
    for (float& x : v)
        x = gauss(rng);
    ts::cache::normaliseInPlace(v);
    return v;
}

// `of` moved in a random direction: cosine about 1/sqrt(1 + spread^2) to it.
std::vector<float> around(const std::vector<float>& of, float spread, std::mt19937_64& rng)
{
    std::vector<float> noise = randomUnit(rng);
    std::vector<float> v(kDimension);
    for (std::size_t i = 0; i < kDimension; ++i)
        v[i] = of[i] + spread * noise[i];
    ts::cache::normaliseInPlace(v);
    return v;
}

// The stored vectors and two kinds of query: near-duplicates of stored ones (cosine about 0.9, like a
// reworded prompt: the lookups that should hit) and fresh vectors drawn like the stored ones (misses).
struct DataSet
{
    const char* name;
    std::vector<std::vector<float>> stored, nearQueries, freshQueries;
};

DataSet makeData(bool topics, std::size_t entries)
{
    std::mt19937_64 rng(entries + topics);
    std::vector<std::vector<float>> centres(1000);
    for (auto& c : centres)
        c = randomUnit(rng);
    // Within a topic, prompts sit at cosine about 0.7 to its centre.
    const auto draw = [&] {
        return topics ? around(centres[rng() % centres.size()], 1.0f, rng) : randomUnit(rng);
    };
    DataSet data{topics ? "topics" : "uniform", {}, {}, {}};
    for (std::size_t i = 0; i < entries; ++i)
        data.stored.push_back(draw());
    for (std::size_t i = 0; i < kQueries; ++i) {
        data.nearQueries.push_back(around(data.stored[rng() % entries], 0.48f, rng));
        data.freshQueries.push_back(draw());
    }
    return data;
}

struct Recall
{
    double at1 = 0;
    double at10 = 0;
};

// Shares of the scan's top 1 and top 10 that the index found too.
void addRecall(Recall& r, const std::vector<ts::cache::Neighbour>& index,
               const std::vector<ts::cache::Neighbour>& scan)
{
    const auto found = [&](std::uint64_t label) {
        return std::any_of(index.begin(), index.end(),
                           [&](const ts::cache::Neighbour& n) { return n.label == label; });
    };
    r.at1 += !scan.empty() && !index.empty() && index.front().label == scan.front().label ? 1 : 0;
    r.at10 += static_cast<double>(std::count_if(
                  scan.begin(), scan.end(), [&](const ts::cache::Neighbour& n) { return found(n.label); })) /
              static_cast<double>(scan.size());
}

struct Outcome
{
    double p99Ms = 0;     // on-CPU time
    double wallP99Ms = 0; // preemption by other processes included
    double recall = 0;
};

// This thread's time on a CPU: unlike the wall clock it stops while the scheduler runs another
// process, which on a shared 2-core machine is most of a wall-clock p99; cache misses still count.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

Outcome semanticRun(const std::string& kind, const std::vector<std::vector<float>>& queries,
                    const ts::cache::HnswIndex& index, const ts::cache::FlatVectors& flat)
{
    Latency wall, cpu, scan;
    Recall recall;
    for (const auto& q : queries) {
        const double cpuStart = cpuMs();
        auto start = Clock::now();
        const auto fromIndex = index.search(q, 10);
        wall.ms.push_back(msSince(start));
        cpu.ms.push_back(cpuMs() - cpuStart);
        start = Clock::now();
        const auto fromScan = flat.scan(q, 10);
        scan.ms.push_back(msSince(start));
        addRecall(recall, fromIndex, fromScan);
    }
    const auto n = static_cast<double>(queries.size());
    std::printf(
        "  %-22s hnsw p50 %.3f ms p99 %.3f ms (on CPU: p50 %.3f p99 %.3f) | scan p50 %.3f ms p99 %.3f ms"
        " | recall@1 %.3f @10 %.3f\n",
        kind.c_str(), wall.at(0.5), wall.at(0.99), cpu.at(0.5), cpu.at(0.99), scan.at(0.5), scan.at(0.99),
        recall.at1 / n, recall.at10 / n);
    return {cpu.at(0.99), wall.at(0.99), recall.at1 / n};
}

Outcome semanticAt(const DataSet& data, const ts::cache::HnswParams& params)
{
    ts::cache::HnswIndex index(kDimension, params);
    ts::cache::FlatVectors flat(kDimension);
    const auto built = Clock::now();
    for (std::size_t i = 0; i < data.stored.size(); ++i)
        index.add(i, data.stored[i]);
    std::printf("%zu entries, %s: HNSW built in %.1f s\n", data.stored.size(), data.name,
                msSince(built) / 1000);
    for (std::size_t i = 0; i < data.stored.size(); ++i)
        flat.add(i, data.stored[i]);
    const Outcome hits =
        semanticRun(std::string(data.name) + " near-duplicate", data.nearQueries, index, flat);
    const Outcome misses = semanticRun(std::string(data.name) + " fresh", data.freshQueries, index, flat);
    return {std::max(hits.p99Ms, misses.p99Ms), std::max(hits.wallP99Ms, misses.wallP99Ms), hits.recall};
}

std::string loadAverage()
{
    std::FILE* f = std::fopen("/proc/loadavg", "r");
    char text[64] = "unknown";
    if (f) {
        if (!std::fgets(text, sizeof text, f))
            std::snprintf(text, sizeof text, "unknown");
        std::fclose(f);
    }
    std::string out(text);
    return out.substr(0, out.find(' '));
}

} // namespace

int main()
{
    const ts::cache::HnswParams params;
    std::printf(
        "HNSW M=%zu efConstruction=%zu ef=%zu, k=10, %zu dimensions, %zu queries of each kind, %u cores, "
        "load average %s\n",
        params.m, params.efConstruction, params.ef, kDimension, kQueries, std::thread::hardware_concurrency(),
        loadAverage().c_str());
    const auto start = Clock::now();
    semanticAt(makeData(false, 10'000), params);
    semanticAt(makeData(true, 10'000), params);
    std::mt19937_64 rng(7);
    exactCacheRun(10'000, rng);
    const Outcome at100k = semanticAt(makeData(true, 100'000), params);
    exactCacheRun(100'000, rng);
    const bool pass = at100k.p99Ms < kTargetP99Ms && at100k.recall >= kTargetRecall;
    std::printf(
        "%s: at 100,000 entries (topics) HNSW p99 %.3f ms on CPU (%.3f ms wall clock; target < %.1f ms), "
        "recall@1 on near-duplicates %.3f (target >= %.2f); whole run %.0f s, load average %s\n",
        pass ? "PASS" : "FAIL", at100k.p99Ms, at100k.wallP99Ms, kTargetP99Ms, at100k.recall, kTargetRecall,
        msSince(start) / 1000, loadAverage().c_str());
    return pass ? 0 : 1;
}
