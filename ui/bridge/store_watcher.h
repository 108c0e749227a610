#pragma once
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace ts {
class TraceStore;
}

namespace ts::ui {

// Turns the store's "traces changed" callbacks (any thread, this or another process) into a
// throttled tracesChanged() on the GUI thread: the first change of a quiet period is announced at
// once, a burst is coalesced into at most one signal per interval.
class StoreWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultInterval{250};

    explicit StoreWatcher(std::shared_ptr<TraceStore> store, QObject* parent = nullptr,
                          std::chrono::milliseconds interval = kDefaultInterval);
    ~StoreWatcher() override;

Q_SIGNALS:
    void tracesChanged();

private:
    struct Relay;

    void onNotified();
    void announce();

    std::shared_ptr<TraceStore> store_;
    std::shared_ptr<Relay> relay_;
    int subscription_ = -1;
    std::chrono::milliseconds interval_;
    QTimer throttle_;
    QElapsedTimer sinceAnnounced_;
};

} // namespace ts::ui
