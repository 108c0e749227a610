#pragma once
#include "model/trace.h"
#include "common/reader_thread.h"

#include <QObject>
#include <QString>

#include <memory>

namespace ts::ui {

// Loads whole traces (spans, messages, exchanges) for the detail pane on its own reader thread.
// Only the newest request matters: queued older ones are dropped and late results ignored.
class TraceDetailLoader : public QObject
{
    Q_OBJECT
public:
    explicit TraceDetailLoader(std::shared_ptr<TraceStore> store, QObject* parent = nullptr);
    ~TraceDetailLoader() override;

    void load(const QString& traceId);

Q_SIGNALS:
    void traceLoaded(const ts::Trace& trace);
    void traceMissing(const QString& traceId);
    void failed(const QString& traceId, const QString& reason);

private:
    quint64 generation_ = 0;
    ReaderThread thread_; // last: joined first on destruction
};

} // namespace ts::ui
