#include "trace/import/import_formats.h"
#include "trace/import/importer.h"
#include "trace/workspace_paths.h"
#include "verbs.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace ts::cli {

namespace {

CancelToken* g_cancel = nullptr;

void onInterrupt(int)
{
    if (g_cancel)
        g_cancel->cancel();
}

std::string formatNames()
{
    std::string out;
    for (const import::ImportFormat* f : import::importFormats())
        out += (out.empty() ? "" : ", ") + std::string(f->name);
    return out;
}

// Every file must be readable and of a known format before anything is written.
void checkPlans(const std::vector<std::string>& files, const std::string& format)
{
    std::string first;
    for (const import::FilePlan& p : import::planImport(files, format)) {
        if (p.error.empty())
            continue;
        if (!first.empty())
            std::fprintf(stderr, "tokenscope-cli: %s\n", first.c_str());
        first = p.file + ": " + p.error;
    }
    if (!first.empty())
        throw Exit{1, first + " (nothing was imported)"};
}

std::unique_ptr<TraceStore> openForImport(const Args& args)
{
    StoreOptions options;
    options.maxBatch = 2000;  // fewer, larger transactions; each still short enough for other writers
    options.maxQueued = 4000; // what waits for the writer stays a few batches, not 20,000 traces
    try {
        return TraceStore::open(args.valueOr("--db", defaultWorkspacePath()),
                                TraceStore::OpenMode::CreateIfMissing, options);
    } catch (const WorkspaceError& e) {
        throw Exit{1, e.what()};
    }
}

// "\r45% of 1.2 GB, 12345 traces" at most ten times a second.
std::function<void(const import::ImportProgress&)> progressLine()
{
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    return [last](const import::ImportProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        if (now - *last < std::chrono::milliseconds(100))
            return;
        *last = now;
        const double percent =
            p.bytesTotal ? 100.0 * static_cast<double>(p.bytesDone) / static_cast<double>(p.bytesTotal) : 0;
        std::fprintf(stderr, "\rimporting: %3.0f%% of %.1f MB, %lld records, %lld traces   ", percent,
                     static_cast<double>(p.bytesTotal) / 1e6, static_cast<long long>(p.records),
                     static_cast<long long>(p.traces));
    };
}

nlohmann::json toJson(const import::FileReport& f)
{
    return {{"file", f.file},
            {"format", f.format},
            {"error", f.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.error)},
            {"records", f.records},
            {"traces", f.traces},
            {"unchanged", f.unchanged},
            {"spans", f.spans},
            {"skipped", f.skipped},
            {"problems", f.problems},
            {"stopped_at", f.stoppedAt.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.stoppedAt)},
            {"notes", f.notes},
            {"seconds", f.seconds}};
}

void printJson(const import::ImportReport& r, const std::string& db)
{
    nlohmann::json files = nlohmann::json::array();
    std::int64_t traces = 0;
    std::int64_t spans = 0;
    for (const auto& f : r.files) {
        files.push_back(toJson(f));
        traces += f.traces;
        spans += f.spans;
    }
    std::cout << nlohmann::json{{"workspace", db},
                                {"files", files},
                                {"traces", traces},
                                {"spans", spans},
                                {"cancelled", r.cancelled}}
                     .dump(2)
              << '\n';
}

void printHuman(const import::ImportReport& r)
{
    for (const auto& f : r.files) {
        if (!f.error.empty() || f.format.empty()) {
            std::printf("%s: %s\n", f.file.c_str(), f.error.empty() ? "no records" : f.error.c_str());
            continue;
        }
        std::printf(
            "%s: %s, %lld records: %lld traces (%lld spans) written, %lld unchanged, %lld skipped, %.1f s\n",
            f.file.c_str(), f.format.c_str(), static_cast<long long>(f.records),
            static_cast<long long>(f.traces), static_cast<long long>(f.spans),
            static_cast<long long>(f.unchanged), static_cast<long long>(f.skipped), f.seconds);
        for (const auto& p : f.problems)
            std::printf("  %s\n", p.c_str());
        if (f.skipped > static_cast<std::int64_t>(f.problems.size()))
            std::printf("  ... and %lld more\n",
                        static_cast<long long>(f.skipped) - static_cast<long long>(f.problems.size()));
        if (!f.stoppedAt.empty())
            std::printf("  %s\n", f.stoppedAt.c_str());
        for (const auto& n : f.notes)
            std::printf("  note: %s\n", n.c_str());
    }
}

} // namespace

int runImport(const Args& args)
{
    if (args.positional.empty())
        throw Exit{2, "import wants at least one FILE"};
    const std::string format = args.valueOr("--format", "");
    if (!format.empty() && !import::findFormat(format))
        throw Exit{2, "--format: unknown format '" + format + "' (" + formatNames() + ")"};
    CancelToken cancel; // Ctrl-C from here on stops between traces
    g_cancel = &cancel;
    std::signal(SIGINT, onInterrupt);
    checkPlans(args.positional, format);
    auto store = openForImport(args);

    import::ImportOptions options;
    options.format = format;
    options.cancel = &cancel;
    const bool tty = isatty(STDERR_FILENO);
    if (tty)
        options.progress = progressLine();
    const import::ImportReport report = import::importFiles(*store, args.positional, options);
    std::signal(SIGINT, SIG_DFL);
    g_cancel = nullptr;
    if (tty)
        std::fprintf(stderr, "\r\033[K");

    if (args.has("--json"))
        printJson(report, store->path());
    else
        printHuman(report);
    if (!report.error.empty())
        throw Exit{1, store->path() + ": " + report.error};
    if (report.cancelled) {
        std::int64_t written = 0;
        for (const auto& f : report.files)
            written += f.traces + f.unchanged;
        throw Exit{1,
                   "import cancelled: " + std::to_string(written) +
                       " whole traces are in the workspace; run the same import again to complete the rest"};
    }
    for (const auto& f : report.files)
        if (!f.error.empty())
            throw Exit{1, f.file + ": " + f.error};
    return 0;
}

} // namespace ts::cli
