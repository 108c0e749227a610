#include "live/live_refresh.h"

#include "bridge/store_watcher.h"
#include "live/live_filter.h"

#include <QEvent>
#include <QWidget>

namespace ts::ui {

LiveRefresh::LiveRefresh(std::shared_ptr<TraceStore> store, LiveFilter* filter, QWidget* panel)
    : QObject(panel), panel_(panel),
      watcher_(new StoreWatcher(std::move(store), this, std::chrono::milliseconds(kMinIntervalMs)))
{
    spacing_.setSingleShot(true);
    spacing_.setInterval(kMinIntervalMs);
    connect(&spacing_, &QTimer::timeout, this, &LiveRefresh::fire);
    connect(watcher_, &StoreWatcher::tracesChanged, this, [this] {
        if (!paused_)
            request();
    });
    connect(filter, &LiveFilter::changed, this, [this] {
        paused_ = false;
        request();
    });
    panel->installEventFilter(this);
}

bool LiveRefresh::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == panel_ && event->type() == QEvent::Show && (!shownOnce_ || pending_)) {
        shownOnce_ = true;
        pending_ = true;
        spacing_.start(0);
    }
    return QObject::eventFilter(watched, event);
}

void LiveRefresh::request()
{
    pending_ = true;
    if (!busy_ && !spacing_.isActive() && panel_ && panel_->isVisible())
        spacing_.start();
}

void LiveRefresh::fire()
{
    if (busy_ || !pending_ || !panel_ || !panel_->isVisible())
        return;
    pending_ = false;
    Q_EMIT refreshDue();
}

void LiveRefresh::running() { busy_ = true; }

void LiveRefresh::finished()
{
    busy_ = false;
    if (pending_ && !paused_)
        spacing_.start();
}

void LiveRefresh::paused(bool on)
{
    paused_ = on;
    if (on)
        pending_ = false;
}

} // namespace ts::ui
