#include "traces/page_fetcher.h"

#include "trace/store.h"

#include <unordered_map>

namespace ts::ui::traces {

namespace {

// Rows in the order asked for; ids the store no longer has become "missing" rows, so they are not
// asked for again and again.
std::shared_ptr<const RowBlock> toRows(const std::vector<std::int64_t>& rowIds, std::vector<TraceSummary> found)
{
    std::unordered_map<std::int64_t, TraceSummary*> byId;
    for (TraceSummary& s : found)
        byId.emplace(s.rowId, &s);
    auto rows = std::make_shared<RowBlock>();
    rows->reserve(rowIds.size());
    for (std::int64_t id : rowIds) {
        auto it = byId.find(id);
        rows->push_back(it == byId.end() ? missingRow(id) : makeRow(std::move(*it->second)));
    }
    return rows;
}

} // namespace

PageFetcher::PageFetcher(std::shared_ptr<TraceStore> store, QObject* parent)
    : QObject(parent), thread_(std::move(store))
{
}

PageFetcher::~PageFetcher() = default;

void PageFetcher::request(qint64 key, std::vector<std::int64_t> rowIds)
{
    {
        std::lock_guard lock(mutex_);
        waiting_.push_back({key, std::move(rowIds)});
        if (waiting_.size() > kMaxWaiting)
            dropOldest();
    }
    auto onError = [this](const std::string& reason) { // no reader: the workspace cannot be read
        Wanted wanted;
        if (takeNewest(wanted))
            post([this, key = wanted.key, text = QString::fromStdString(reason)] { Q_EMIT failed(key, text); });
    };
    thread_.post([this](TraceReader& reader) { fetchNewest(reader); }, std::move(onError));
}

void PageFetcher::dropOldest()
{
    const qint64 key = waiting_.front().key;
    waiting_.erase(waiting_.begin());
    post([this, key] { Q_EMIT dropped(key); });
}

bool PageFetcher::takeNewest(Wanted& wanted)
{
    std::lock_guard lock(mutex_);
    if (waiting_.empty())
        return false; // its request was dropped
    wanted = std::move(waiting_.back());
    waiting_.pop_back();
    return true;
}

void PageFetcher::fetchNewest(TraceReader& reader)
{
    Wanted wanted;
    if (!takeNewest(wanted))
        return;
    try {
        auto rows = toRows(wanted.rowIds, reader.summaries(wanted.rowIds));
        post([this, key = wanted.key, rows = std::move(rows)] { Q_EMIT fetched(key, rows); });
    } catch (const std::exception& e) {
        post([this, key = wanted.key, reason = QString::fromStdString(e.what())] { Q_EMIT failed(key, reason); });
    }
}

template <typename Deliver>
void PageFetcher::post(Deliver deliver)
{
    QMetaObject::invokeMethod(this, std::move(deliver), Qt::QueuedConnection);
}

} // namespace ts::ui::traces
