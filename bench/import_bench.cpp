// Importing a large OTLP/JSON log (issue #9): reading and mapping alone beside the full import into
// a new workspace, in spans/s and MB/s, with each phase's peak memory. The full import should
// reach 100,000 spans/s; exits 1 below that.
//   import_bench [--spans N] [--dir DIR] [--keep]     (default 1,000,000 spans in a temp folder)
#include "import_bench_log.h"
#include "trace/import/importer.h"
#include "trace/import/otlp_mapper.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <sys/resource.h>

namespace {

constexpr double kTargetSpansPerSecond = 100'000;

struct Phase
{
    const char* name;
    double seconds = 0;
    double cpuSeconds = 0; // of every thread: on a busy machine, what the work itself cost
    std::int64_t spans = 0;
    long peakKb = 0;
};

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Resets the kernel's peak-RSS mark, so each phase reports its own peak.
void resetPeak()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

long peakKb()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    return 0;
}

template <class F> Phase timed(const char* name, F&& work)
{
    resetPeak();
    Phase p{name};
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    p.spans = work();
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    p.cpuSeconds = cpuSeconds() - cpuStart;
    p.peakKb = peakKb();
    return p;
}

// Reading and mapping only: what the import costs before the store.
class MapOnly : public ts::import::FrameSink
{
  public:
    void record(std::string_view text, std::int64_t line) override
    {
        pieces_.clear();
        if (std::string why = mapper_.map(text, pieces_); !why.empty())
            std::fprintf(stderr, "line %lld: %s\n", static_cast<long long>(line), why.c_str());
        for (const ts::Trace& t : pieces_)
            spans += static_cast<std::int64_t>(t.spans.size());
    }
    void problem(std::int64_t line, std::string reason) override
    {
        std::fprintf(stderr, "line %lld: %s\n", static_cast<long long>(line), reason.c_str());
    }
    void stopped(std::string reason) override { std::fprintf(stderr, "%s\n", reason.c_str()); }

    std::int64_t spans = 0;

  private:
    ts::import::OtlpMapper mapper_{true};
    std::vector<ts::Trace> pieces_;
};

std::int64_t mapOnly(const std::string& path)
{
    MapOnly sink;
    ts::import::RecordFile file(path, sink);
    if (const std::string why = file.open(); !why.empty())
        throw std::runtime_error(path + ": " + why);
    while (file.step()) {
    }
    return sink.spans;
}

std::int64_t fullImport(const std::string& log, const std::string& db)
{
    ts::StoreOptions options;
    options.maxBatch = 2000; // as tokenscope-cli import opens it
    options.maxQueued = 4000;
    auto store = ts::TraceStore::open(db, ts::TraceStore::OpenMode::CreateIfMissing, options);
    const auto report = ts::import::importFiles(*store, {log}, {});
    if (!report.error.empty() || !report.files[0].error.empty())
        throw std::runtime_error(report.error + report.files[0].error);
    return report.files[0].spans;
}

void print(const Phase& p, double megabytes)
{
    std::printf("%-28s %8.2f s %12.0f spans/s %9.1f MB/s %8.2f s CPU %9.0f MB peak RSS\n", p.name, p.seconds,
                static_cast<double>(p.spans) / p.seconds, megabytes / p.seconds, p.cpuSeconds,
                static_cast<double>(p.peakKb) / 1024);
}

} // namespace

int main(int argc, char** argv)
{
    std::int64_t spans = 1'000'000;
    std::string dir;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--spans") && i + 1 < argc)
            spans = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else if (!std::strcmp(argv[i], "--keep"))
            keep = true;
        else {
            std::fprintf(stderr, "usage: import_bench [--spans N] [--dir DIR] [--keep]\n");
            return 2;
        }
    }
    namespace fs = std::filesystem;
    const bool ownDir = dir.empty();
    if (ownDir) {
        std::string pattern = (fs::temp_directory_path() / "import_bench.XXXXXX").string();
        if (!mkdtemp(pattern.data())) {
            std::perror("import_bench: a temporary folder");
            return 1;
        }
        dir = pattern;
    }
    const std::string log = dir + "/traces.jsonl";
    const std::string db = dir + "/bench.db";
    fs::remove(db);
    fs::remove(db + "-wal");
    fs::remove(db + "-shm");

    const auto started = std::chrono::steady_clock::now();
    const bench::GeneratedLog generated = bench::writeOtlpLog(log, spans, 9);
    const double mb = static_cast<double>(generated.bytes) / 1e6;
#ifdef TOKENSCOPE_JEMALLOC
    std::printf("allocator: jemalloc, as tokenscope-cli links it\n");
#else
    std::printf("allocator: glibc malloc (TOKENSCOPE_ALLOCATOR=system)\n");
#endif
    std::printf("generated %lld spans in %lld traces, %.1f MB of OTLP JSON lines, in %.1f s\n\n",
                static_cast<long long>(generated.spans), static_cast<long long>(generated.traces), mb,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());

    const Phase parse = timed("(a) read + map, no store", [&] { return mapOnly(log); });
    const Phase full = timed("(b) full import, new store", [&] { return fullImport(log, db); });
    print(parse, mb);
    print(full, mb);
    std::printf("\nworkspace: %.1f MB\n", static_cast<double>(fs::file_size(db)) / 1e6);
    const bool whole = parse.spans == generated.spans && full.spans == generated.spans;
    const double rate = static_cast<double>(full.spans) / full.seconds;
    std::printf("every span imported: %s\n", whole ? "yes" : "NO");
    std::printf("target %.0f spans/s for the full import: %s (%.0f%%)\n", kTargetSpansPerSecond,
                rate >= kTargetSpansPerSecond ? "met" : "MISSED", 100 * rate / kTargetSpansPerSecond);
    if (ownDir && !keep)
        fs::remove_all(dir);
    else
        std::printf("files kept in %s\n", dir.c_str());
    return whole && rate >= kTargetSpansPerSecond ? 0 : 1;
}
