#pragma once
#include "launch_options.h"

namespace ts::ui {
class MainWindow;
}

namespace ts::app {

// Shows the requested panel with the workspace's data, waits until it has rendered what a user
// would see (rows loaded, a trace selected), writes the PNG and quits the event loop.
void takeScreenshotWhenReady(ui::MainWindow& window, const LaunchOptions& options);

} // namespace ts::app
