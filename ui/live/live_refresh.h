#pragma once
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QWidget;

namespace ts {
class TraceStore;
}

namespace ts::ui {

class LiveFilter;
class StoreWatcher;

// When a live panel reads again: the first time it is shown, when the shared filter changes, and
// while it is visible whenever new traces are committed, at most every kMinIntervalMs (a few times a
// second). A change that arrives during a read waits for it to finish; a hidden panel catches up when
// it is shown again. The panel reads on refreshDue() and reports running()/finished().
class LiveRefresh : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMinIntervalMs = 300;

    LiveRefresh(std::shared_ptr<TraceStore> store, LiveFilter* filter, QWidget* panel);

    void running();  // the panel started a read
    void finished(); // ... and it ended (done, failed or cancelled)
    void paused(bool on); // the user stopped following (Cancel): only Refresh or a new filter reads
    bool pending() const { return pending_; }

Q_SIGNALS:
    void refreshDue();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void request();
    void fire();

    QPointer<QWidget> panel_;
    StoreWatcher* watcher_;
    QTimer spacing_;
    bool busy_ = false;
    bool pending_ = false;
    bool shownOnce_ = false;
    bool paused_ = false;
};

} // namespace ts::ui
