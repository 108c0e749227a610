// tokenscope: the desktop workbench. Opens the user's workspace (or the demo on first start).
#include "demo_filler.h"
#include "launch_options.h"
#include "screenshot.h"
#include "startup_probe.h"
#include "workspace_choice.h"

#include "gateway/gateway_controller.h"
#include "guard/guard_engine.h"
#include "settings/provider_config.h"
#include "shell/main_window.h"
#include "trace/workspace_error.h"

#include <QApplication>
#include <QMessageBox>
#include <QTextStream>

#include <thread>

using namespace Qt::StringLiterals;

namespace {

bool wantsScreenshot(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (QByteArray(argv[i]).startsWith("--screenshot"))
            return true;
    return false;
}

int fail(const QString& message, bool interactive)
{
    QTextStream(stderr) << "tokenscope: " << message << '\n';
    if (interactive)
        QMessageBox::critical(nullptr, u"Tokenscope"_s, message);
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    const bool screenshot = wantsScreenshot(argc, argv);
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The guard detectors compile their pattern sets once per machine (then load them from the
    // cache folder in milliseconds): do it off the UI thread, before a policy is applied.
    std::jthread guardWarmUp([] { ts::guard::sharedDetectors(); });
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"tokenscope"_s);
    QApplication::setApplicationDisplayName(u"Tokenscope"_s);
    QApplication::setApplicationVersion(QStringLiteral(TOKENSCOPE_VERSION));
    int exitCode = 0;
    const auto options = ts::app::parseLaunchOptions(QApplication::arguments(), &exitCode);
    if (!options)
        return exitCode;

    ts::ui::AppContext context;
    ts::app::WorkspaceChoice choice;
    try {
        choice = ts::app::chooseWorkspace(options->db);
        context = ts::app::openContext(choice);
    } catch (const ts::WorkspaceError& e) {
        return fail(QString::fromUtf8(e.what()), !screenshot);
    }
    ts::ui::MainWindow window(context);
    window.resize(options->size);
    context.providers->reload(); // keychain reads in the background; the providers follow when they are in
    ts::app::DemoFiller filler(context.store, window);
    if (choice.needsDemoTraffic)
        filler.start(); // the window fills up live as the demo traffic is generated
    if (options->startGateway)
        window.gateway()->start();
    if (options->startupProbe)
        ts::app::reportWhenInteractive(window);
    if (screenshot) {
        window.show();
        filler.whenDone([&window, &options] { ts::app::takeScreenshotWhenReady(window, *options); });
    } else {
        window.show();
    }
    return QApplication::exec();
}
