#pragma once
#include "model/time.h"

#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>

namespace ts {
class TraceReader;
class TraceStore;
} // namespace ts

namespace ts::ui {

class StoreWatcher;

// Counts the traces the gateway recorded since a moment (source:gateway, since it started), again
// whenever the workspace announces commits. The count runs on a worker with its own reader.
class GatewayRequestCounter : public QObject
{
    Q_OBJECT
public:
    GatewayRequestCounter(std::shared_ptr<TraceStore> store, QObject* parent = nullptr);
    ~GatewayRequestCounter() override;

    void startCounting(Nanos since);
    void stopCounting();

Q_SIGNALS:
    void counted(qint64 requests);

private:
    void recount();

    std::shared_ptr<TraceStore> store_;
    std::shared_ptr<std::unique_ptr<TraceReader>> reader_; // used on the worker only
    StoreWatcher* watcher_;
    QThreadPool worker_;
    std::optional<Nanos> since_;
    quint64 generation_ = 0; // stale counts (from before a restart) are dropped
    bool busy_ = false;
    bool again_ = false;
};

} // namespace ts::ui
