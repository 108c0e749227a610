#pragma once
#include "common/reader_thread.h"
#include "traces/summary_cache.h"

#include <QObject>
#include <QString>

#include <memory>
#include <mutex>
#include <vector>

namespace ts::ui::traces {

// Fetches pages of trace summaries by row id on its own reader thread, newest request first. Only the
// newest few requests wait; older ones are dropped (and reported), so jumping around a million rows
// never queues work for screens the user has already left. Signals arrive on the GUI thread.
class PageFetcher : public QObject
{
    Q_OBJECT
public:
    static constexpr std::size_t kMaxWaiting = 8;

    explicit PageFetcher(std::shared_ptr<TraceStore> store, QObject* parent = nullptr);
    ~PageFetcher() override;

    void request(qint64 key, std::vector<std::int64_t> rowIds);

Q_SIGNALS:
    void fetched(qint64 key, std::shared_ptr<const ts::ui::traces::RowBlock> rows);
    void dropped(qint64 key);
    void failed(qint64 key, const QString& reason);

private:
    struct Wanted
    {
        qint64 key = 0;
        std::vector<std::int64_t> rowIds;
    };

    void dropOldest(); // mutex_ held
    bool takeNewest(Wanted& wanted);
    void fetchNewest(TraceReader& reader); // worker thread
    template <typename Deliver>
    void post(Deliver deliver);

    std::mutex mutex_;
    std::vector<Wanted> waiting_;
    ReaderThread thread_; // last: joined first on destruction
};

} // namespace ts::ui::traces
