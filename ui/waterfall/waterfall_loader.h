#pragma once
#include "common/reader_thread.h"
#include "waterfall/waterfall_data.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace ts::ui {

// Reads a trace and lays it out for the waterfall on its own reader thread. The newest request
// wins: queued older ones are dropped and late results ignored.
class WaterfallLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRecentTraces = 500; // "largest recent" looks among this many newest traces

    explicit WaterfallLoader(std::shared_ptr<TraceStore> store, QObject* parent = nullptr);
    ~WaterfallLoader() override;

    void load(const QString& traceId);
    void loadLargestRecent(); // the trace with the most spans among the recent ones

Q_SIGNALS:
    void loaded(std::shared_ptr<const ts::ui::WaterfallData> data);
    void missing(const QString& traceId); // empty id: the workspace holds no traces
    void failed(const QString& reason);

private:
    void post(std::function<std::optional<std::string>(TraceReader&)> pick);

    quint64 generation_ = 0;
    std::shared_ptr<std::atomic<quint64>> latest_ = std::make_shared<std::atomic<quint64>>(0); // read by the worker
    ReaderThread thread_; // last: joined first on destruction
};

} // namespace ts::ui
