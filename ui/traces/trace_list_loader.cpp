#include "traces/trace_list_loader.h"

namespace ts::ui::traces {

TraceListLoader::TraceListLoader(std::shared_ptr<TraceStore> store, QObject* parent)
    : QObject(parent), thread_(std::move(store))
{
}

TraceListLoader::~TraceListLoader()
{
    if (cancel_)
        cancel_->cancel();
}

quint64 TraceListLoader::start(Request request)
{
    if (cancel_)
        cancel_->cancel();
    thread_.dropQueued();
    cancel_ = std::make_shared<CancelToken>();
    running_ = true;
    const quint64 generation = ++generation_;
    auto job = [this, request = std::move(request), generation, cancel = cancel_](TraceReader& reader) {
        load(reader, request, generation, *cancel);
    };
    auto onError = [this, generation](const std::string& reason) {
        post(generation, [this, generation, text = QString::fromStdString(reason)] {
            running_ = false;
            Q_EMIT failed(generation, text);
        });
    };
    thread_.post(std::move(job), std::move(onError));
    return generation;
}

// Worker thread.
void TraceListLoader::load(TraceReader& reader, const Request& request, quint64 generation,
                           const CancelToken& cancel)
{
    if (request.firstPage) {
        auto rows = std::make_shared<RowBlock>();
        for (TraceSummary& summary : reader.page(request.filter, request.order, 0, kFirstPageRows))
            rows->push_back(makeRow(std::move(summary)));
        if (cancel.cancelled())
            return;
        post(generation, [this, generation, rows = std::move(rows)] { Q_EMIT firstPageLoaded(generation, rows); });
    }
    auto ids = std::make_shared<const IdList>(reader.rowIds(request.filter, request.order, &cancel));
    if (cancel.cancelled())
        return;
    post(generation, [this, generation, ids = std::move(ids)] {
        running_ = false;
        Q_EMIT idsLoaded(generation, ids);
    });
}

// Runs deliver on the GUI thread, unless a newer load started meanwhile.
template <typename Deliver>
void TraceListLoader::post(quint64 generation, Deliver deliver)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, deliver = std::move(deliver)]() mutable {
            if (generation == generation_)
                deliver();
        },
        Qt::QueuedConnection);
}

} // namespace ts::ui::traces
