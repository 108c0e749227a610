// Cold start of the desktop app (issue #12): a fresh `tokenscope --startup-probe` process on the demo
// workspace, from the spawn to a painted window with a free event loop, beside a bare Qt window of
// the same shape (startup_reference) started the same way, alternately, in the same run. The file
// cache is warm (a first run of each is not counted): a fresh process, not a cold disk.
//   startup_bench [--runs N] [--db DEMO.tokenscope]      target: app median under 500 ms; exits 1 above
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr double kTargetMs = 500;

struct Run
{
    double wallMs = 0; // spawn to the "interactive" line
    double ownMs = 0;  // what the process itself reported (since its kernel start time)
};

// Runs argv with stdout piped; returns when the child printed "interactive MS" and exited.
Run runOnce(const std::vector<std::string>& argv)
{
    int out[2];
    if (pipe(out) != 0)
        throw std::runtime_error("pipe failed");
    const auto started = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(out[1]);
    std::string text;
    char buffer[256];
    Run run;
    for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;) {
        text.append(buffer, static_cast<std::size_t>(n));
        if (const auto at = text.find("interactive "); at != std::string::npos && text.find('\n', at) != std::string::npos) {
            run.wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            run.ownMs = std::atof(text.c_str() + at + 12);
            break;
        }
    }
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (run.wallMs == 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(argv[0] + ": no \"interactive\" line, or a failed exit (" + text + ")");
    return run;
}

double percentile(std::vector<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1) + 0.5)];
}

void print(const char* name, const std::vector<Run>& runs)
{
    std::vector<double> wall, own;
    for (const Run& r : runs) {
        wall.push_back(r.wallMs);
        own.push_back(r.ownMs);
    }
    std::printf("%-34s median %7.1f ms   p90 %7.1f ms   min %7.1f ms   (own report: median %7.1f ms)\n", name,
                percentile(wall, 0.5), percentile(wall, 0.9), percentile(wall, 0), percentile(own, 0.5));
}

} // namespace

int main(int argc, char** argv)
{
    int runs = 15;
    std::string db;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            db = argv[++i];
        else {
            std::fprintf(stderr, "usage: startup_bench [--runs N] [--db DEMO.tokenscope]\n");
            return 2;
        }
    }
    namespace fs = std::filesystem;
    std::string pattern = (fs::temp_directory_path() / "startup_bench.XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        std::perror("startup_bench: a temporary folder");
        return 1;
    }
    const fs::path dir = pattern;
    // The app must not touch the user's settings (recent workspaces), nor wait for an X server.
    setenv("TOKENSCOPE_SETTINGS", (dir / "gui.ini").c_str(), 1);
    setenv("QT_QPA_PLATFORM", "offscreen", 1);
    try {
        if (db.empty()) {
            db = (dir / "demo.tokenscope").string();
            const std::string demo = std::string(TOKENSCOPE_CLI) + " demo --db " + db + " --scenario all --days 7 --seed 1 >/dev/null";
            std::printf("making the demo workspace (7 days of every scenario)...\n");
            if (std::system(demo.c_str()) != 0)
                throw std::runtime_error("tokenscope-cli demo failed");
        }
        std::printf("workspace: %s, %.1f MB\n\n", db.c_str(), static_cast<double>(fs::file_size(db)) / 1e6);
        const std::vector<std::string> app{TOKENSCOPE_GUI, "--db", db, "--startup-probe"};
        const std::vector<std::string> bare{STARTUP_REFERENCE};
        runOnce(app); // warms the file cache, and the guards' compiled pattern cache
        runOnce(bare);
        std::vector<Run> appRuns, bareRuns;
        for (int i = 0; i < runs; ++i) {
            appRuns.push_back(runOnce(app));
            bareRuns.push_back(runOnce(bare));
        }
        print("tokenscope on the demo workspace", appRuns);
        print("bare Qt window (reference)", bareRuns);
        std::vector<double> appWall, bareWall;
        for (std::size_t i = 0; i < appRuns.size(); ++i) {
            appWall.push_back(appRuns[i].wallMs);
            bareWall.push_back(bareRuns[i].wallMs);
        }
        const double median = percentile(appWall, 0.5);
        std::printf("\nTokenscope's own start: %.1f ms over the bare window's median\n", median - percentile(bareWall, 0.5));
        std::printf("target: median under %.0f ms: %s\n", kTargetMs, median < kTargetMs ? "met" : "MISSED");
        fs::remove_all(dir);
        return median < kTargetMs ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "startup_bench: %s\n", e.what());
        fs::remove_all(dir);
        return 1;
    }
}
