#pragma once
#include "model/cancel.h"
#include "common/reader_thread.h"

#include <QMetaObject>
#include <QObject>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace ts::ui {

// Runs an analysis of the newest `cap` traces on its own reader thread, one job at a time (hotspot's
// JobTracker). The newest start wins: it replaces the running job without a cancelled() signal, and
// whatever a replaced or cancelled job still delivers is dropped. Deliveries run on the GUI thread.
// Subclasses add start() and their result signals, and keep no state of their own: a job that is
// still running while one is destroyed must touch only this base, whose thread is joined last.
class WorkspaceAnalyzer : public QObject
{
    Q_OBJECT
  public:
    static constexpr std::int64_t kDefaultCap = 10'000;

    explicit WorkspaceAnalyzer(std::shared_ptr<TraceStore> store, std::int64_t cap = kDefaultCap,
                               QObject* parent = nullptr);
    ~WorkspaceAnalyzer() override;

    void cancel();
    bool running() const { return running_; }
    std::int64_t cap() const { return cap_; }

  Q_SIGNALS:
    void cancelled(); // by cancel(), not by a newer start
    void failed(const QString& reason);

  protected:
    using Generation = quint64;
    // Runs on the reader thread; `generation` tags its deliveries.
    using Work = std::function<void(TraceReader& reader, const CancelToken& token, Generation generation,
                                    std::int64_t cap)>;

    // Starts `work` on the reader thread, replacing the running job.
    void post(Work work);
    // From the reader thread: runs `body` on the GUI thread unless the job is stale by then.
    template <typename Body> void deliver(Generation generation, Body body);
    // The same for the job's last word: it is no longer running once `body` runs.
    template <typename Body> void finish(Generation generation, Body body);

  private:
    std::int64_t cap_;
    CancelTokenPtr token_;
    Generation generation_ = 0;
    bool running_ = false;
    ReaderThread thread_; // last: joined first on destruction
};

template <typename Body> void WorkspaceAnalyzer::deliver(Generation generation, Body body)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, body = std::move(body)]() mutable {
            if (generation == generation_)
                body();
        },
        Qt::QueuedConnection);
}

template <typename Body> void WorkspaceAnalyzer::finish(Generation generation, Body body)
{
    deliver(generation, [this, body = std::move(body)]() mutable {
        running_ = false;
        body();
    });
}

// Lets through at most kSteps progress figures per stage, so a fast loop does not flood the GUI
// thread; the first figure of each stage always passes.
class ProgressThrottle
{
  public:
    static constexpr std::size_t kSteps = 100;

    bool pass(std::size_t done, std::size_t total, int stage = 0);

  private:
    int stage_ = 0;
    std::size_t step_ = kSteps + 1;
};

} // namespace ts::ui
