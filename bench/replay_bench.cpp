// Re-pricing 1,000,000 recorded spans (issue #10): reading the model calls of a workspace and pricing
// them as recorded and under three alternatives, beside a bare SQLite scan of the same span rows
// (the floor any reading of them pays). Target: read + re-price under 2 s; exits 1 above.
//   replay_bench [--spans N] [--db PATH]   (default 1,000,000 spans; --db keeps and reuses the workspace)
#include "catalog/catalog.h"
#include "model/attributes.h"
#include "model/ids.h"
#include "replay/recorded_calls.h"
#include "replay/repricer.h"
#include "trace/store.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <unistd.h>

namespace {

constexpr double kTargetSeconds = 2.0;
constexpr ts::Nanos kStart = 1'767'225'600'000'000'000; // 2026-01-01T00:00Z
constexpr int kSpansPerTrace = 5;                       // an agent run: the root and four model calls

const char* const kModels[][2] = {{"gpt-4o-mini", "openai"}, {"gpt-4o", "openai"},
                                  {"claude-sonnet-4-5", "anthropic"}, {"gpt-4.1-mini", "openai"}};

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

ts::Span span(const std::string& traceId, int seq, ts::Nanos start)
{
    ts::Span s;
    s.traceId = traceId;
    s.spanId = ts::newSpanId();
    s.start = start;
    s.end = start + 900'000'000;
    s.name = seq == 0 ? "invoke_agent support" : "chat";
    s.kind = seq == 0 ? ts::SpanKind::Server : ts::SpanKind::Client;
    return s;
}

// A workspace of agent runs: each call resends the previous prompt and adds to it.
void fill(const std::string& path, std::int64_t spans)
{
    ts::StoreOptions options;
    options.maxBatch = 2000;
    options.maxQueued = 4000;
    auto store = ts::TraceStore::open(path, ts::TraceStore::OpenMode::CreateIfMissing, options);
    std::mt19937_64 rng(7);
    for (std::int64_t t = 0; t * kSpansPerTrace < spans; ++t) {
        ts::Trace trace;
        trace.traceId = ts::newTraceId();
        const ts::Nanos start = kStart + t * 2'000'000'000;
        trace.spans.push_back(span(trace.traceId, 0, start));
        trace.spans[0].attributes.emplace(std::string(ts::attr::kSource), std::string("bench"));
        const auto& model = kModels[rng() % std::size(kModels)];
        std::int64_t prompt = 800 + static_cast<std::int64_t>(rng() % 1500);
        for (int c = 1; c < kSpansPerTrace; ++c) {
            ts::Span s = span(trace.traceId, c, start + ts::Nanos{c} * 1'000'000'000);
            s.parentSpanId = trace.spans[0].spanId;
            const std::int64_t out = 20 + static_cast<std::int64_t>(rng() % 400);
            s.attributes = {{std::string(ts::attr::kRequestModel), std::string(model[0])},
                            {std::string(ts::attr::kProviderName), std::string(model[1])},
                            {std::string(ts::attr::kInputTokens), prompt},
                            {std::string(ts::attr::kOutputTokens), out},
                            {std::string(ts::attr::kCacheReadTokens), static_cast<std::int64_t>(rng() % 256)},
                            {std::string(ts::attr::kRequestTemperature), 0.2}};
            prompt += out + 200;
            trace.spans.push_back(std::move(s));
        }
        store->write(std::move(trace));
    }
    store->flush();
}

// The floor: SQLite stepping over the same span rows and touching their attributes, nothing else.
double bareScan(const std::string& path, long long& rows)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT trace_rowid, start_ns, attributes FROM spans WHERE instr(attributes, '_tokens') > 0",
                       -1, &st, nullptr);
    const auto started = std::chrono::steady_clock::now();
    rows = 0;
    std::size_t bytes = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        bytes += static_cast<std::size_t>(sqlite3_column_bytes(st, 2));
        ++rows;
    }
    const double s = seconds(started);
    sqlite3_finalize(st);
    sqlite3_close(db);
    std::printf("%s", bytes == 0 ? "(no attribute bytes read)\n" : "");
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    std::int64_t spans = 1'000'000;
    std::string db;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--spans") && i + 1 < argc)
            spans = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            db = argv[++i];
        else {
            std::fprintf(stderr, "usage: replay_bench [--spans N] [--db PATH]\n");
            return 2;
        }
    }
    namespace fs = std::filesystem;
    const bool own = db.empty();
    if (own)
        db = (fs::temp_directory_path() / ("replay_bench_" + std::to_string(::getpid()) + ".tokenscope")).string();
    if (!fs::exists(db)) {
        const auto started = std::chrono::steady_clock::now();
        fill(db, spans);
        std::printf("wrote %lld spans (%d a trace: the root and %d model calls) in %.1f s\n",
                    static_cast<long long>(spans), kSpansPerTrace, kSpansPerTrace - 1, seconds(started));
    }
    auto store = ts::TraceStore::open(db, ts::TraceStore::OpenMode::ExistingOnly);
    auto reader = store->reader();
    const std::int64_t traces = reader->count({});

    long long scanned = 0;
    bareScan(db, scanned); // warms the page cache for both
    const double floor = bareScan(db, scanned);

    const auto readStart = std::chrono::steady_clock::now();
    const std::optional<ts::replay::CallSet> calls = ts::replay::readCalls(*reader, {});
    const double read = seconds(readStart);

    const std::vector<ts::replay::Alternative> alternatives{
        {"all on gpt-4o-mini", std::string("gpt-4o-mini"), {}, false, {}},
        {"batch API", {}, {}, true, {}},
        {"prompt caching", {}, {}, false, ts::replay::PromptCaching{}},
    };
    const auto priceStart = std::chrono::steady_clock::now();
    const auto report = ts::replay::reprice(*calls, alternatives, ts::Catalog::builtin());
    const double price = seconds(priceStart);

    const double total = read + price;
    const auto spansInWorkspace = traces * kSpansPerTrace;
    std::printf("workspace: %lld traces, %lld spans, %lld model calls\n\n", static_cast<long long>(traces),
                static_cast<long long>(spansInWorkspace), static_cast<long long>(report->calls));
    std::printf("%-44s %8.3f s\n", "reference: bare SQLite scan of the call rows", floor);
    std::printf("%-44s %8.3f s  (%.2fx the scan)\n", "read the calls (readCalls)", read, read / floor);
    std::printf("%-44s %8.3f s\n", "price as recorded + 3 alternatives", price);
    std::printf("%-44s %8.3f s  for %lld spans\n\n", "re-price total", total, static_cast<long long>(spansInWorkspace));
    std::printf("as recorded  $%.2f\n", report->asRecorded.usd);
    for (const auto& a : report->alternatives)
        std::printf("%-12.12s $%.2f  (%+.1f%%)\n", a.name.c_str(), a.usd,
                    100 * (a.usd - report->asRecorded.usd) / report->asRecorded.usd);
    const bool met = total < kTargetSeconds && scanned == report->calls;
    std::printf("\ntarget under %.1f s for %lld spans: %s\n", kTargetSeconds, static_cast<long long>(spansInWorkspace),
                met ? "met" : "MISSED");
    store.reset();
    if (own)
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(db + suffix);
    return met ? 0 : 1;
}
