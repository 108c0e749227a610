// Traces table at a million rows: how fast the first screen appears, when the whole id list is in,
// and how long a screen takes to fill while jumping and paging, each beside the raw SQLite query that
// bounds it, measured in the same run. Not a test: prints figures.
//   traces_view_bench [--db PATH] [--count N] [--seed S]
#include "model/attributes.h"
#include "trace/store.h"
#include "traces/trace_table_model.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;
using namespace ts;
using ts::ui::TraceTableModel;

namespace {

struct Options
{
    std::string path = QDir::temp().filePath(u"tokenscope-bench-traces.tokenscope"_s).toStdString();
    std::int64_t count = 1'000'000;
    unsigned seed = 42;
};

Options parseArgs(const QStringList& args)
{
    Options options;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--db")
            options.path = args[i + 1].toStdString();
        else if (args[i] == u"--count")
            options.count = args[i + 1].toLongLong();
        else if (args[i] == u"--seed")
            options.seed = args[i + 1].toUInt();
    }
    return options;
}

std::string hex(std::uint64_t value, int width)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%0*llx", width, static_cast<unsigned long long>(value));
    return buffer;
}

// A lean trace (root + one model call): the table reads only summaries.
Trace benchTrace(std::int64_t i, Nanos start, std::mt19937_64& rng)
{
    static const char* models[] = {"gpt-4o-mini", "gpt-4o", "claude-haiku", "claude-sonnet", "llama3.1:8b"};
    const char* model = models[rng() % 5];
    Span root;
    root.traceId = hex(static_cast<std::uint64_t>(i) + 1, 32);
    root.spanId = hex(static_cast<std::uint64_t>(i) * 2 + 1, 16);
    root.name = "chat";
    root.start = start;
    root.end = start + static_cast<Nanos>(200 + rng() % 4000) * kNsPerMs;
    root.status = rng() % 20 == 0 ? SpanStatus::Error : SpanStatus::Ok;
    root.attributes[std::string(attr::kSource)] = std::string("bench");
    root.attributes[std::string(attr::kSimulated)] = true;
    Span call = root;
    call.spanId = hex(static_cast<std::uint64_t>(i) * 2 + 2, 16);
    call.parentSpanId = root.spanId;
    call.name = std::string("chat ") + model;
    call.attributes[std::string(attr::kStage)] = std::string("llm.call");
    call.attributes[std::string(attr::kRequestModel)] = std::string(model);
    call.attributes[std::string(attr::kProviderName)] = std::string("simulated");
    call.attributes[std::string(attr::kInputTokens)] = static_cast<std::int64_t>(20 + rng() % 8000);
    call.attributes[std::string(attr::kOutputTokens)] = static_cast<std::int64_t>(5 + rng() % 1500);
    call.attributes[std::string(attr::kCostUsd)] = static_cast<double>(rng() % 100000) / 1e6;
    call.attributes[std::string(attr::kTimeToFirstChunk)] = static_cast<double>(50 + rng() % 900) / 1000.0;
    Trace trace;
    trace.traceId = root.traceId;
    trace.spans = {root, call};
    trace.input = {{Role::User, "Request " + std::to_string(i) + ": summarise the ticket", {}, {}, {}}};
    summarize(trace);
    return trace;
}

std::shared_ptr<TraceStore> prepareWorkspace(const Options& options)
{
    // A bulk load: bigger transactions than the applications' default.
    std::shared_ptr<TraceStore> store =
        TraceStore::open(options.path, TraceStore::OpenMode::CreateIfMissing, StoreOptions{.maxBatch = 5000});
    const std::int64_t existing = store->reader()->count({});
    if (existing >= options.count) {
        std::printf("workspace %s (%lld traces, reused)\n", options.path.c_str(), static_cast<long long>(existing));
        return store;
    }
    std::printf("workspace %s: writing %lld traces ...\n", options.path.c_str(),
                static_cast<long long>(options.count - existing));
    std::fflush(stdout);
    QElapsedTimer timer;
    timer.start();
    std::mt19937_64 rng(options.seed + static_cast<unsigned>(existing));
    const Nanos first = wallNowNs() - options.count * 2 * kNsPerSec; // one request every ~2 s
    for (std::int64_t i = existing; i < options.count; ++i)
        store->write(benchTrace(i, first + i * 2 * kNsPerSec + static_cast<Nanos>(rng() % 1000) * kNsPerMs, rng));
    if (!store->flush())
        std::fprintf(stderr, "write failed: %s\n", store->lastError().c_str());
    std::printf("write_s %.1f  (%.0f traces/s)\n", static_cast<double>(timer.elapsed()) / 1000.0,
                static_cast<double>(options.count - existing) * 1000.0 / static_cast<double>(std::max<qint64>(1, timer.elapsed())));
    return store;
}

template <typename Fn>
double timedMs(Fn fn, int repeats = 1)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < repeats; ++i)
        fn();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6 / repeats;
}

struct References
{
    double openReader = 0, firstPage = 0, deepPage = 0, rowIds = 0, summaries = 0;
    std::int64_t deepOffset = 0;
};

References measureReferences(TraceStore& store)
{
    References ref;
    ref.openReader = timedMs([&] { store.reader(); }, 3);
    auto reader = store.reader();
    const TraceOrder order;
    ref.firstPage = timedMs([&] { reader->page({}, order, 0, 100); }, 5);
    const std::int64_t total = reader->count({});
    ref.deepOffset = total * 9 / 10;
    ref.deepPage = timedMs([&] { reader->page({}, order, ref.deepOffset, 100); }, 3);
    std::vector<std::int64_t> ids;
    ref.rowIds = timedMs([&] { ids = reader->rowIds({}, order); });
    std::vector<std::int64_t> slice(ids.begin() + static_cast<std::ptrdiff_t>(ids.size() / 2),
                                    ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), ids.size() / 2 + 256)));
    ref.summaries = timedMs([&] { reader->summaries(slice); }, 5);
    return ref;
}

// Runs the event loop until pred() holds (checked on every model change and every few ms).
bool waitUntil(const std::function<bool()>& pred, QAbstractItemModel* model, int timeoutMs = 30000)
{
    if (pred())
        return true;
    QEventLoop loop;
    auto check = [&] {
        if (pred())
            loop.quit();
    };
    QMetaObject::Connection changed = QObject::connect(model, &QAbstractItemModel::dataChanged, &loop, check);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, check);
    poll.start(2);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(changed);
    return pred();
}

void runEventLoopFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool visibleRowsLoaded(const QTableView& view)
{
    const int first = view.rowAt(0);
    int last = view.rowAt(view.viewport()->height() - 1);
    if (last < 0)
        last = view.model()->rowCount() - 1;
    for (int row = std::max(0, first); row <= last; ++row)
        if (!view.model()->index(row, 0).data(TraceTableModel::SummaryRole).isValid())
            return false;
    return first >= 0;
}

// The longest the GUI thread went without running a 1 ms timer: how long it was blocked.
class StallMeter
{
public:
    StallMeter()
    {
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            max_ = std::max(max_, since_.nsecsElapsed() / 1e6);
            since_.start();
        });
    }
    void start()
    {
        max_ = 0;
        since_.start();
        timer_.start(1);
    }
    double stop()
    {
        timer_.stop();
        return max_;
    }

private:
    QTimer timer_;
    QElapsedTimer since_;
    double max_ = 0;
};

struct Stats
{
    double avg = 0, p50 = 0, p95 = 0, max = 0;
};

Stats statsOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    auto at = [&](double q) { return values[static_cast<size_t>(q * static_cast<double>(values.size() - 1))]; };
    return {std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size()), at(0.5), at(0.95),
            values.back()};
}

double screenTime(QTableView& view, const std::function<void()>& move)
{
    QElapsedTimer timer;
    timer.start();
    move();
    if (!waitUntil([&] { return visibleRowsLoaded(view); }, view.model()))
        std::printf("warning: a screen did not fill within 30 s\n");
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

void printStats(const char* name, const Stats& s, const QString& reference)
{
    std::printf("%s %.1f  p50 %.1f  p95 %.1f  max %.1f  (%s)\n", name, s.avg, s.p50, s.p95, s.max,
                qPrintable(reference));
}

void measureScrolling(QTableView& view, const References& ref, unsigned seed, StallMeter& stall)
{
    std::mt19937 rng(seed);
    const int rows = view.model()->rowCount();
    std::vector<double> jumps, pages;
    stall.start();
    for (int i = 0; i < 20; ++i) {
        const int row = static_cast<int>(rng() % static_cast<unsigned>(rows));
        jumps.push_back(screenTime(view, [&] { view.scrollTo(view.model()->index(row, 0), QAbstractItemView::PositionAtTop); }));
    }
    QScrollBar* bar = view.verticalScrollBar();
    bar->setValue(bar->maximum() / 3);
    waitUntil([&] { return visibleRowsLoaded(view); }, view.model());
    for (int i = 0; i < 50; ++i)
        pages.push_back(screenTime(view, [&] { bar->setValue(bar->value() + bar->pageStep()); }));
    const double stalled = stall.stop();
    const QString pageRef = u"reference: raw summaries(256 ids) %1 ms; raw page at offset %2: %3 ms"_s
                                .arg(ref.summaries, 0, 'f', 1).arg(ref.deepOffset).arg(ref.deepPage, 0, 'f', 1);
    printStats("jump_screen_ms", statsOf(jumps), pageRef);
    printStats("page_down_screen_ms", statsOf(pages), u"%1 rows a screen"_s.arg(bar->pageStep()));
    std::printf("gui_max_stall_scrolling_ms %.1f  (target < 50 ms)\n", stalled);
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parseArgs(app.arguments());
    std::shared_ptr<TraceStore> store = prepareWorkspace(options);
    const References ref = measureReferences(*store);

    QTableView view;
    view.resize(1280, 800);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 6);
    view.show();
    runEventLoopFor(200); // the first paint loads fonts: not the model's doing
    StallMeter stall;
    stall.start();
    QElapsedTimer sinceSet;
    sinceSet.start();
    auto* model = new TraceTableModel(store, &view);
    view.setModel(model);
    qint64 loadedMs = -1, total = 0;
    double firstPageMs = -1;
    QObject::connect(model, &TraceTableModel::firstPageReady,
                     [&] { firstPageMs = static_cast<double>(sinceSet.nsecsElapsed()) / 1e6; });
    QObject::connect(model, &TraceTableModel::loaded, [&](qint64 rows) { loadedMs = sinceSet.elapsed(), total = rows; });
    waitUntil([&] { return firstPageMs >= 0 && visibleRowsLoaded(view); }, model);
    const double firstScreen = static_cast<double>(sinceSet.nsecsElapsed()) / 1e6;
    waitUntil([&] { return loadedMs >= 0; }, model, 120000);
    const double loadStall = stall.stop();

    std::printf("rows %lld\n", static_cast<long long>(total));
    std::printf("first_page_ms %.1f  (reference: opening a reader %.1f ms + raw page query %.1f ms; target < 200 ms)\n",
                firstPageMs, ref.openReader, ref.firstPage);
    std::printf("first_screen_painted_ms %.1f  (first page in, then the view's first paint with text)\n", firstScreen);
    std::printf("full_ids_ms %lld  (reference: raw rowIds query %.1f ms)\n", static_cast<long long>(loadedMs), ref.rowIds);
    std::printf("gui_max_stall_loading_ms %.1f  (target < 50 ms)\n", loadStall);
    measureScrolling(view, ref, options.seed, stall);
    return 0;
}
