#pragma once

class QWidget;

namespace ts::app {

// --startup-probe: once `window` has painted and the event loop has nothing left of its start, prints
// "interactive MS" (milliseconds since the process started, from the kernel's start time) to
// stdout and quits. What bench/startup_bench measures, beside a bare Qt window's figure.
void reportWhenInteractive(QWidget& window);

// Milliseconds since this process started (its start time in /proc/self/stat).
double millisecondsSinceProcessStart();

} // namespace ts::app
