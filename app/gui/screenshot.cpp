#include "screenshot.h"

#include "cost/cost_panel.h"
#include "drift/drift_panel.h"
#include "replay/replay_panel.h"
#include "latency/latency_panel.h"

#include "screenshot_playground.h"

#include "cache/cache_panel.h"
#include "guard/guard_panel.h"
#include "compare/compare_panel.h"
#include "gateway/gateway_controller.h"
#include "playground/playground_panel.h"
#include "settings/providers_page.h"
#include "settings/routing_page.h"
#include "settings/settings_panel.h"
#include "settings/workspace_page.h"
#include "shell/main_window.h"
#include "traces/trace_detail_view.h"
#include "traces/trace_table_model.h"
#include "traces/traces_panel.h"
#include "waterfall/waterfall_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace ts::app {

namespace {

constexpr int kPollMs = 50;
constexpr int kSettleMs = 400;  // let lazy pages, the detail pane and charts finish painting
constexpr int kTimeoutMs = 15000;

void save(ui::MainWindow& window, const QString& file)
{
    const bool ok = window.grab().save(file, "PNG");
    QTextStream(ok ? stdout : stderr) << (ok ? "wrote " : "tokenscope: could not write ") << file << '\n';
    QApplication::exit(ok ? 0 : 1);
}

// Polls until ready() holds (or the timeout passes), settles, then saves.
void whenReady(ui::MainWindow& window, const QString& file, std::function<bool()> ready)
{
    auto* timer = new QTimer(&window);
    auto* clock = new QElapsedTimer;
    clock->start();
    QObject::connect(timer, &QTimer::timeout, &window, [timer, clock, ready, &window, file] {
        if (!ready() && clock->elapsed() < kTimeoutMs)
            return;
        timer->stop();
        delete clock;
        QTimer::singleShot(kSettleMs, &window, [&window, file] { save(window, file); });
    });
    timer->start(kPollMs);
}

bool emptyWorkspace(ui::TracesPanel* panel)
{
    return panel->model()->isComplete() && panel->model()->rowCount() == 0;
}

} // namespace

void takeScreenshotWhenReady(ui::MainWindow& window, const LaunchOptions& o)
{
    if (o.panel == u"waterfall"_s) {
        // The Waterfall reads and lays out the trace on a worker: --trace, else the largest recent one.
        // Asked before it is shown, so it reads one trace; the Traces panel is left alone (its detail
        // pane would load the same trace again).
        auto* waterfall = window.waterfall();
        if (!o.trace.isEmpty())
            waterfall->showTrace(o.trace);
        window.showPanel(o.panel);
        whenReady(window, o.screenshot, [waterfall] { return waterfall->settled(); });
        return;
    }
    window.showPanel(o.panel);
    auto* panel = window.traces();
    if (!o.trace.isEmpty())
        panel->selectTrace(o.trace);
    else
        panel->selectFirstRow();
    if (o.panel == u"compare"_s) {
        // Compare shows the example prompt answered by three simulated models side by side.
        auto* compare = window.compare();
        compare->runExample();
        whenReady(window, o.screenshot, [compare] { return compare->allFinished(); });
        return;
    }
    if (o.panel == u"cache"_s) {
        // The Cache panel reads the workspace on a worker when shown: wait until it shows the result.
        auto* cache = window.cache();
        whenReady(window, o.screenshot, [cache] { return cache->settled(); });
        return;
    }
    if (o.panel == u"guardrails"_s) {
        // The Guardrails panel also reads on a worker, showing partial results as it goes.
        auto* guard = window.guardrails();
        whenReady(window, o.screenshot, [guard] { return guard->settled(); });
        return;
    }
    if (o.panel == u"latency"_s || o.panel == u"cost"_s || o.panel == u"drift"_s) {
        // The live panels read the hourly rollups on a worker when first shown.
        auto* latency = window.latency();
        auto* cost = window.cost();
        auto* drift = window.drift();
        const QString name = o.panel;
        whenReady(window, o.screenshot, [latency, cost, drift, name] {
            return name == u"latency"_s ? latency->settled() : name == u"cost"_s ? cost->settled() : drift->settled();
        });
        return;
    }
    if (o.panel == u"replay"_s) {
        // Replay re-prices the filtered calls on a worker when first shown.
        auto* replay = window.replay();
        whenReady(window, o.screenshot, [replay] { return replay->settled(); });
        return;
    }
    if (o.panel == u"settings"_s) {
        // Settings opens on Providers (or --tab): wait until the keychain has said where each key
        // comes from, the routing config has been read, and a gateway asked for is up (or failed).
        if (!o.tab.isEmpty())
            window.settings()->showTab(o.tab);
        auto* providers = window.settings()->providersPage();
        auto* routing = window.settings()->routingPage();
        auto* gateway = window.gateway();
        auto* workspace = window.settings()->workspacePage();
        whenReady(window, o.screenshot, [providers, routing, gateway, workspace] {
            return (!providers || !providers->loading()) && (!routing || !routing->loading()) &&
                   gateway->state() != ui::GatewayController::State::Starting && (!workspace || !workspace->busy());
        });
        return;
    }
    if (o.panel == u"playground"_s && o.trace.isEmpty()) {
        // Without a trace to open, the playground shows its example: a tool call to answer.
        auto staged = std::make_shared<bool>(false);
        stagePlaygroundExample(*window.playground(), [staged] { *staged = true; });
        whenReady(window, o.screenshot, [staged] { return *staged; });
        return;
    }
    if (o.panel == u"playground"_s) {
        // The playground shows the recorded conversation asked for.
        auto opened = std::make_shared<bool>(false);
        QObject::connect(panel->detail(), &ui::TraceDetailView::traceShown, &window, [&window, panel, opened] {
            if (*opened || !panel->detail()->trace())
                return;
            *opened = true;
            window.playground()->openTrace(*panel->detail()->trace());
        });
        whenReady(window, o.screenshot, [opened, panel] { return *opened || emptyWorkspace(panel); });
        return;
    }
    whenReady(window, o.screenshot, [panel] { return emptyWorkspace(panel) || panel->detail()->trace().has_value(); });
}

} // namespace ts::app
