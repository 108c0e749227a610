#include "cache_bench_exact.h"

#include "cache/exact_cache.h"
#include "trace/store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double>& ms, double q)
{
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
}

ts::ChatRequest question(std::size_t i)
{
    ts::ChatRequest r;
    r.provider = "openai";
    r.model = "gpt-4o-mini";
    r.meta.user = "user-" + std::to_string(i % 50);
    r.messages = {{ts::Role::System, "You answer questions about our product, briefly."},
                  {ts::Role::User, "Question number " + std::to_string(i) + ": how do I rotate my API key?"}};
    return r;
}

} // namespace

void exactCacheRun(std::size_t entries, std::mt19937_64& rng)
{
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("cache_bench_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "exact.tokenscope").string();
    ts::TraceStore::open(path, ts::TraceStore::OpenMode::CreateIfMissing);
    ts::cache::ExactCacheConfig config;
    config.enabled = true;
    auto cache = ts::cache::ExactCache::open(path, config);
    ts::CachedAnswer answer;
    answer.response.text = "Open Settings, then API keys, and choose Rotate.";
    answer.response.finishReason = "stop";
    answer.costUsd = 0.0001;
    const auto filling = Clock::now();
    for (std::size_t i = 0; i < entries; ++i) {
        ts::Span span;
        cache->store(question(i), answer, span);
    }
    const double fillS = std::chrono::duration<double>(Clock::now() - filling).count();
    std::vector<double> hit, miss;
    std::uniform_int_distribution<std::size_t> pick(0, entries - 1);
    std::size_t found = 0;
    for (int i = 0; i < 2000; ++i) {
        const ts::ChatRequest present = question(pick(rng));
        const ts::ChatRequest absent = question(entries + static_cast<std::size_t>(i));
        ts::Span span;
        auto start = Clock::now();
        found += cache->lookup(present, span).has_value();
        hit.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        start = Clock::now();
        found += cache->lookup(absent, span).has_value();
        miss.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::printf("%zu entries, exact: ExactCache (request key + SQLite read of the workspace; %zu stored in %.1f s)\n"
                "  hit p50 %.3f ms p99 %.3f ms | miss p50 %.3f ms p99 %.3f ms (%zu of 2000 hits found)\n",
                entries, cache->entryCount(), fillS, percentile(hit, 0.5), percentile(hit, 0.99),
                percentile(miss, 0.5), percentile(miss, 0.99), found);
    cache.reset();
    std::filesystem::remove_all(dir);
}
