#include "startup_probe.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace ts::app {

namespace {

// The first paint of the window, then one turn of the event loop: what was queued at start ran.
class FirstPaint : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !seen_) {
            seen_ = true;
            QTimer::singleShot(0, qApp, [] {
                std::printf("interactive %.1f\n", millisecondsSinceProcessStart());
                std::fflush(stdout);
                QApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool seen_ = false;
};

} // namespace

double millisecondsSinceProcessStart()
{
    // Field 22 of /proc/self/stat: the start time in clock ticks after boot; the command (field 2)
    // may hold spaces, so count from its closing parenthesis.
    std::ifstream file("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 22 && rest >> field; ++i) {
    }
    const double startedSeconds = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9 - startedSeconds) * 1000.0;
}

void reportWhenInteractive(QWidget& window)
{
    auto* probe = new FirstPaint(&window);
    for (QWidget* w : window.findChildren<QWidget*>())
        w->installEventFilter(probe);
    window.installEventFilter(probe);
}

} // namespace ts::app
