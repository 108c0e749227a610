#include "bridge/store_watcher.h"

#include "trace/store.h"

#include <atomic>
#include <mutex>

namespace ts::ui {

// Shared with the store's listener, which may outlive the watcher by one in-flight call: the watcher
// detaches itself under the mutex before it dies, and at most one notification is queued at a time.
struct StoreWatcher::Relay
{
    std::mutex mutex;
    StoreWatcher* target = nullptr;
    std::atomic<bool> queued{false};

    void notify()
    {
        if (queued.exchange(true))
            return;
        std::lock_guard lock(mutex);
        if (target)
            QMetaObject::invokeMethod(target, &StoreWatcher::onNotified, Qt::QueuedConnection);
    }

    void detach()
    {
        std::lock_guard lock(mutex);
        target = nullptr;
    }
};

StoreWatcher::StoreWatcher(std::shared_ptr<TraceStore> store, QObject* parent,
                           std::chrono::milliseconds interval)
    : QObject(parent), store_(std::move(store)), relay_(std::make_shared<Relay>()), interval_(interval)
{
    relay_->target = this;
    throttle_.setSingleShot(true);
    connect(&throttle_, &QTimer::timeout, this, &StoreWatcher::announce);
    subscription_ = store_->subscribe([relay = relay_] { relay->notify(); });
}

StoreWatcher::~StoreWatcher()
{
    relay_->detach();
    store_->unsubscribe(subscription_);
}

void StoreWatcher::onNotified()
{
    relay_->queued = false;
    if (throttle_.isActive())
        return; // already announced soon: this change rides along
    const auto since = std::chrono::milliseconds(sinceAnnounced_.isValid() ? sinceAnnounced_.elapsed() : interval_.count());
    throttle_.start(std::max(std::chrono::milliseconds(0), interval_ - since));
}

void StoreWatcher::announce()
{
    sinceAnnounced_.start();
    Q_EMIT tracesChanged();
}

} // namespace ts::ui
