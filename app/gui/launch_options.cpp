#include "launch_options.h"

#include "shell/main_window.h"

#include <QCommandLineParser>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace ts::app {

std::optional<LaunchOptions> parseLaunchOptions(const QStringList& arguments, int* exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Tokenscope: a workbench for LLM application engineers."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(u"screenshot"_s, u"Render the window offscreen to FILE.png and exit."_s, u"FILE"_s);
    const QCommandLineOption panel(u"panel"_s, u"Panel to show: "_s + ui::MainWindow::panelNames().join(u", "_s), u"NAME"_s);
    const QCommandLineOption trace(u"trace"_s, u"Trace to show (traces, playground, waterfall)."_s, u"ID"_s);
    const QCommandLineOption db(u"db"_s, u"Workspace file to open."_s, u"PATH"_s);
    const QCommandLineOption tab(u"tab"_s, u"Tab of the panel to show (settings: providers, routing, models, workspace)."_s, u"NAME"_s);
    const QCommandLineOption gateway(u"start-gateway"_s, u"Start the local gateway (Settings › Routing sets where it listens)."_s);
    const QCommandLineOption size(u"size"_s, u"Window size for --screenshot, e.g. 1280x800."_s, u"WxH"_s);
    const QCommandLineOption probe(u"startup-probe"_s,
                                   u"Print \"interactive MS\" (milliseconds since the process started) once the window "
                                   "has painted and the event loop is free, and exit."_s);
    parser.addOptions({screenshot, panel, trace, db, size, tab, gateway, probe});
    parser.process(arguments); // --help and --version exit here
    LaunchOptions o;
    o.screenshot = parser.value(screenshot);
    o.trace = parser.value(trace);
    o.db = parser.value(db);
    o.tab = parser.value(tab);
    o.startGateway = parser.isSet(gateway);
    o.startupProbe = parser.isSet(probe);
    if (parser.isSet(panel))
        o.panel = parser.value(panel);
    QTextStream err(stderr);
    if (!ui::MainWindow::panelNames().contains(o.panel)) {
        err << "tokenscope: no panel '" << o.panel << "' yet (available: " << ui::MainWindow::panelNames().join(u", "_s) << ")\n";
        *exitCode = 2;
        return std::nullopt;
    }
    if (!o.tab.isEmpty() && (o.panel != u"settings"_s || !QStringList{u"providers"_s, u"routing"_s, u"models"_s, u"workspace"_s}.contains(o.tab))) {
        err << "tokenscope: --tab goes with --panel settings and is one of providers, routing, models, workspace; not '" << o.tab << "'\n";
        *exitCode = 2;
        return std::nullopt;
    }
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(u'x');
        const int w = wh.value(0).toInt(), h = wh.size() == 2 ? wh.value(1).toInt() : 0;
        if (w < 320 || h < 240 || w > 8000 || h > 8000) {
            err << "tokenscope: --size wants WIDTHxHEIGHT such as 1280x800, not '" << parser.value(size) << "'\n";
            *exitCode = 2;
            return std::nullopt;
        }
        o.size = QSize(w, h);
    }
    return o;
}

} // namespace ts::app
