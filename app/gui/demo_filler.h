#pragma once
#include "model/cancel.h"
#include "trace/store.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>

namespace ts::ui {
class MainWindow;
}

namespace ts::app {

// Generates the demo workspace's traffic on a worker thread the first time the app starts;
// progress shows in the status bar and the panels fill up live. Cancelled if the window closes.
class DemoFiller : public QObject
{
    Q_OBJECT
public:
    DemoFiller(std::shared_ptr<TraceStore> store, ui::MainWindow& window);
    ~DemoFiller() override;

    void start();
    // Runs now if no generation is running, else once it has finished.
    void whenDone(std::function<void()> then);

private:
    std::shared_ptr<TraceStore> store_;
    ui::MainWindow& window_;
    std::shared_ptr<CancelToken> cancel_ = std::make_shared<CancelToken>();
    QFutureWatcher<void> watcher_;
    bool running_ = false;
};

} // namespace ts::app
