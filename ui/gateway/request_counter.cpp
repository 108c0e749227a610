#include "gateway/request_counter.h"

#include "bridge/store_watcher.h"
#include "trace/store.h"

#include <QtConcurrent/QtConcurrent>

namespace ts::ui {

namespace {

qint64 countSince(TraceStore& store, std::unique_ptr<TraceReader>& reader, Nanos since)
{
    try {
        if (!reader)
            reader = store.reader();
        TraceFilter filter;
        filter.terms.push_back({"source", "gateway", false});
        filter.since = since;
        return reader->count(filter);
    } catch (const std::exception&) {
        return -1; // the workspace could not be read: keep the last count
    }
}

} // namespace

GatewayRequestCounter::GatewayRequestCounter(std::shared_ptr<TraceStore> store, QObject* parent)
    : QObject(parent), store_(std::move(store)), reader_(std::make_shared<std::unique_ptr<TraceReader>>()),
      watcher_(new StoreWatcher(store_, this))
{
    worker_.setMaxThreadCount(1);
    connect(watcher_, &StoreWatcher::tracesChanged, this, &GatewayRequestCounter::recount);
}

GatewayRequestCounter::~GatewayRequestCounter() { worker_.waitForDone(); }

void GatewayRequestCounter::startCounting(Nanos since)
{
    since_ = since;
    ++generation_;
    Q_EMIT counted(0);
    recount();
}

void GatewayRequestCounter::stopCounting() { since_.reset(); }

void GatewayRequestCounter::recount()
{
    if (!since_)
        return;
    if (busy_) {
        again_ = true; // one count at a time; the newest commit is counted right after
        return;
    }
    busy_ = true;
    const quint64 generation = generation_;
    QtConcurrent::run(&worker_, [store = store_, reader = reader_, since = *since_] {
        return countSince(*store, *reader, since);
    }).then(this, [this, generation](qint64 n) {
        busy_ = false;
        if (n >= 0 && since_ && generation == generation_)
            Q_EMIT counted(n);
        if (std::exchange(again_, false))
            recount();
    });
}

} // namespace ts::ui
