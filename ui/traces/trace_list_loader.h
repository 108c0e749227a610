#pragma once
#include "model/cancel.h"
#include "trace/filter.h"
#include "trace/store.h"
#include "traces/id_list.h"
#include "common/reader_thread.h"
#include "traces/summary_cache.h"

#include <QObject>
#include <QString>

#include <memory>

namespace ts::ui::traces {

// Loads the traces table's id list on its own reader thread, in stages: the first page of summaries
// (so the first screen shows at once), then every row id in display order. Starting a load cancels
// the running one and drops its results: the newest request wins. Signals arrive on the GUI thread.
class TraceListLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kFirstPageRows = 256;

    struct Request
    {
        TraceFilter filter;
        TraceOrder order;
        bool firstPage = true; // false for a refresh: the rows on screen stay until the ids are in
    };

    explicit TraceListLoader(std::shared_ptr<TraceStore> store, QObject* parent = nullptr);
    ~TraceListLoader() override;

    quint64 start(Request request);
    bool isRunning() const { return running_; }

Q_SIGNALS:
    void firstPageLoaded(quint64 generation, std::shared_ptr<const ts::ui::traces::RowBlock> rows);
    void idsLoaded(quint64 generation, ts::ui::traces::IdListPtr ids);
    void failed(quint64 generation, const QString& reason);

private:
    void load(TraceReader& reader, const Request& request, quint64 generation, const CancelToken& cancel);
    template <typename Deliver>
    void post(quint64 generation, Deliver deliver);

    quint64 generation_ = 0;
    bool running_ = false;
    CancelTokenPtr cancel_;
    ReaderThread thread_; // last: joined first on destruction
};

} // namespace ts::ui::traces
