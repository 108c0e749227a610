#pragma once
#include "cache/cache_analysis.h"
#include "traces/reader_thread.h"

#include <QObject>
#include <QString>

#include <memory>

namespace ts::ui::cachepanel {

// Runs analyzeWorkspace on its own reader thread. The newest start() wins: it cancels the one
// running, whose late signals are dropped. Signals arrive on the GUI thread.
class CacheAnalyzer : public QObject
{
    Q_OBJECT
public:
    static constexpr std::int64_t kDefaultCap = 10'000;

    explicit CacheAnalyzer(std::shared_ptr<TraceStore> store, std::int64_t cap = kDefaultCap, QObject* parent = nullptr);
    ~CacheAnalyzer() override;

    void start();
    void cancel();
    bool running() const { return running_; }
    std::int64_t cap() const { return cap_; }

Q_SIGNALS:
    void progress(const QString& stage, int done, int total);
    void finished(std::shared_ptr<const ts::ui::cachepanel::CacheAnalysis> analysis);
    void cancelled();
    void failed(const QString& reason);

private:
    void run(TraceReader& reader, CancelTokenPtr token, quint64 generation); // worker thread
    template <typename Deliver>
    void deliver(quint64 generation, Deliver body);

    std::int64_t cap_;
    CancelTokenPtr token_;
    quint64 generation_ = 0;
    bool running_ = false;
    ReaderThread thread_; // last: joined first on destruction
};

} // namespace ts::ui::cachepanel
