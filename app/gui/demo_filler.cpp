#include "demo_filler.h"

#include "demo/demo.h"
#include "shell/main_window.h"

#include <QPointer>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace ts::app {

DemoFiller::DemoFiller(std::shared_ptr<TraceStore> store, ui::MainWindow& window)
    : store_(std::move(store)), window_(window)
{
}

DemoFiller::~DemoFiller()
{
    cancel_->cancel();
    watcher_.waitForFinished();
}

void DemoFiller::start()
{
    running_ = true;
    window_.setStatusMessage(u"Generating demo traffic…"_s);
    QPointer<ui::MainWindow> window(&window_);
    watcher_.setFuture(QtConcurrent::run([store = store_, cancel = cancel_, window] {
        demo::Options options;
        options.workspacePath = store->path();
        demo::run(options, [&](Trace t) { store->write(std::move(t)); },
                  [&](std::int64_t done, std::int64_t total) {
                      const QString text = u"Generating demo traffic… %1 of %2 requests"_s.arg(done).arg(total);
                      QMetaObject::invokeMethod(window, [window, text] { if (window) window->setStatusMessage(text); });
                      return !cancel->cancelled();
                  });
        store->flush();
    }));
    connect(&watcher_, &QFutureWatcher<void>::finished, this, [this] {
        running_ = false;
        window_.setStatusMessage(cancel_->cancelled() ? u"Demo generation stopped"_s : u"Demo traffic ready"_s);
    });
}

void DemoFiller::whenDone(std::function<void()> then)
{
    if (!running_) {
        then();
        return;
    }
    connect(&watcher_, &QFutureWatcher<void>::finished, this, [then] { then(); });
}

} // namespace ts::app
