#pragma once
#include <QSize>
#include <QString>

#include <optional>

namespace ts::app {

struct LaunchOptions
{
    QString screenshot; // write a PNG of the window and exit
    QString panel = QStringLiteral("playground");
    QString trace;
    QString tab;               // a tab of the panel: settings has providers, routing, models, workspace
    bool startGateway = false; // start the local gateway as the window opens
    QString db;
    QSize size{1280, 800};
    bool startupProbe = false; // print when the window became interactive, then exit (bench/startup_bench)
};

// Parses the GUI's command line; on a usage error prints it and returns nullopt (exit code in *exitCode).
std::optional<LaunchOptions> parseLaunchOptions(const QStringList& arguments, int* exitCode);

} // namespace ts::app
