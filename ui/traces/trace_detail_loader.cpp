#include "traces/trace_detail_loader.h"

#include "trace/store.h"

namespace ts::ui {

TraceDetailLoader::TraceDetailLoader(std::shared_ptr<TraceStore> store, QObject* parent)
    : QObject(parent), thread_(std::move(store))
{
}

TraceDetailLoader::~TraceDetailLoader() = default;

void TraceDetailLoader::load(const QString& traceId)
{
    const quint64 generation = ++generation_;
    auto deliver = [this, generation](auto emitter) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, emitter = std::move(emitter)] {
                if (generation == generation_)
                    emitter();
            },
            Qt::QueuedConnection);
    };
    auto job = [this, deliver, traceId](TraceReader& reader) {
        std::optional<Trace> trace = reader.load(traceId.toStdString());
        if (trace)
            deliver([this, trace = std::move(*trace)] { Q_EMIT traceLoaded(trace); });
        else
            deliver([this, traceId] { Q_EMIT traceMissing(traceId); });
    };
    auto onError = [this, deliver, traceId](const std::string& reason) {
        deliver([this, traceId, text = QString::fromStdString(reason)] { Q_EMIT failed(traceId, text); });
    };
    thread_.dropQueued();
    thread_.post(std::move(job), std::move(onError));
}

} // namespace ts::ui
