// The live panels on a 5,000,000-span workspace (issue #8): the time each panel takes from refresh()
// to showing its result (reading the hourly rollups on its worker, analysing, drawing), beside the
// per-trace scan a panel without rollups would need, measured in the same run. Target: 300 ms each.
//   live_panels_bench [--db PATH] [--traces N] [--runs R]
#include "cost/cost_panel.h"
#include "cost/spend_view.h"
#include "drift/drift_panel.h"
#include "latency/latency_panel.h"
#include "live/live_filter.h"
#include "live_panels_bench_store.h"
#include "trace/sqlite_connection.h"
#include "trace/sqlite_statement.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ts;

namespace {

constexpr double kTargetMs = 300;
constexpr int kTimeoutMs = 120'000;

struct Options
{
    bench::LiveStoreSpec store{QDir::temp().filePath(u"tokenscope-bench-live.tokenscope"_s).toStdString()};
    int runs = 5;
};

Options parseArgs(const QStringList& args)
{
    Options o;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--db")
            o.store.path = args[i + 1].toStdString();
        else if (args[i] == u"--traces")
            o.store.traces = args[i + 1].toLongLong();
        else if (args[i] == u"--runs")
            o.runs = args[i + 1].toInt();
    }
    return o;
}

// Runs the event loop until `done` or the timeout; returns the milliseconds it took.
template <typename Done> double waitMs(Done done)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() > kTimeoutMs)
            loop.quit();
    });
    poll.start(1);
    loop.exec();
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

struct Figures
{
    double first = 0, best = 1e30, median = 0;
};

// refresh() to analysisShown, `runs` times after the first show.
template <typename Panel> Figures measure(Panel& panel, int runs)
{
    Figures f;
    bool shown = false;
    QObject::connect(&panel, &Panel::analysisShown, &panel, [&shown] { shown = true; });
    panel.resize(1280, 800);
    f.first = waitMs([&] {
        if (!panel.isVisible())
            panel.show();
        return shown && panel.settled();
    });
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) {
        shown = false;
        panel.refresh();
        times.push_back(waitMs([&] { return shown && panel.settled(); }));
    }
    std::sort(times.begin(), times.end());
    f.best = times.front();
    f.median = times[times.size() / 2];
    panel.hide();
    return f;
}

// What a panel would do without rollups: read every trace of the range and sort latencies per model.
double perTraceScanMs(const std::string& path, Nanos since, std::int64_t& rows)
{
    QElapsedTimer clock;
    clock.start();
    sql::Connection db(path, sql::Connection::Mode::ReadOnly);
    sql::Statement query(db, "SELECT model, duration_ms, cost_usd FROM traces WHERE start_ns >= ?1");
    query.bindInt(1, since);
    std::map<std::string, std::vector<double>> byModel;
    rows = 0;
    while (query.step()) {
        byModel[query.columnText(0)].push_back(query.columnReal(1));
        ++rows;
    }
    double p95sum = 0;
    for (auto& [model, values] : byModel) {
        std::sort(values.begin(), values.end());
        p95sum += values[values.size() * 95 / 100];
    }
    (void)p95sum;
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

void report(const char* name, const Figures& f, double reference)
{
    std::printf("%-8s refresh: median %7.1f ms, best %7.1f ms (first show %7.1f ms)  target < %.0f ms %s   "
                "per-trace scan %7.1f ms (%.1fx)\n",
                name, f.median, f.best, f.first, kTargetMs, f.median < kTargetMs ? "MET" : "MISSED", reference,
                reference / std::max(f.median, 0.001));
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options o = parseArgs(app.arguments());
    auto store = bench::prepareLiveStore(o.store);
    {
        sql::Connection db(o.store.path, sql::Connection::Mode::ReadOnly);
        std::printf("spans %lld, traces %lld, rollup rows %lld\n",
                    static_cast<long long>(db.queryInt("SELECT count(*) FROM spans")),
                    static_cast<long long>(db.queryInt("SELECT count(*) FROM traces")),
                    static_cast<long long>(db.queryInt("SELECT count(*) FROM rollups")));
    }
    ui::LiveFilter filter;
    filter.setRange(ui::LiveFilter::Range::Month);
    std::int64_t rows = 0;
    const double scan = perTraceScanMs(o.store.path, filter.effective(wallNowNs()).since.value_or(0), rows);
    std::printf("reference: per-trace scan of %lld traces (latency p95 per model) %.1f ms\n",
                static_cast<long long>(rows), scan);

    bool allMet = true;
    {
        ui::latency::LatencyPanel latency(store, &filter);
        const Figures f = measure(latency, o.runs);
        report("latency", f, scan);
        allMet = allMet && f.median < kTargetMs;
    }
    {
        ui::costpanel::CostPanel cost(store, &filter, QString());
        const Figures f = measure(cost, o.runs);
        report("cost", f, scan);
        allMet = allMet && f.median < kTargetMs;
    }
    {
        // Grouped by user, Cost needs the full rollups (users and tags kept): printed, not judged.
        ui::costpanel::CostPanel cost(store, &filter, QString());
        cost.spend()->setDimension(analytics::Dimension::User);
        const Figures f = measure(cost, 2);
        std::printf("cost by user (full rollups, not judged): median %.1f ms\n", f.median);
    }
    {
        ui::drift::DriftPanel drift(store, &filter);
        const Figures f = measure(drift, o.runs);
        report("drift", f, scan);
        allMet = allMet && f.median < kTargetMs;
    }
    std::printf("%s\n", allMet ? "all panels within target" : "a panel MISSED its target");
    return allMet ? 0 : 1;
}
