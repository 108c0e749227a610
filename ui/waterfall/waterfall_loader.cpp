#include "waterfall/waterfall_loader.h"

#include "trace/store.h"

namespace ts::ui {

namespace {

std::optional<std::string> largestRecent(TraceReader& reader)
{
    const std::vector<TraceSummary> recent =
        reader.page(TraceFilter{}, TraceOrder{TraceOrderKey::Start, true}, 0, WaterfallLoader::kRecentTraces);
    const TraceSummary* best = nullptr;
    for (const TraceSummary& s : recent) // newest first: a tie goes to the newer trace
        if (!best || s.spanCount > best->spanCount)
            best = &s;
    return best ? std::optional(best->traceId) : std::nullopt;
}

} // namespace

WaterfallLoader::WaterfallLoader(std::shared_ptr<TraceStore> store, QObject* parent)
    : QObject(parent), thread_(std::move(store))
{
}

WaterfallLoader::~WaterfallLoader() = default;

void WaterfallLoader::load(const QString& traceId)
{
    post([id = traceId.toStdString()](TraceReader&) { return std::optional(id); });
}

void WaterfallLoader::loadLargestRecent() { post(largestRecent); }

// pick names the trace to show (nullopt: there is none); the job then reads and lays it out.
void WaterfallLoader::post(std::function<std::optional<std::string>(TraceReader&)> pick)
{
    const quint64 generation = ++generation_;
    latest_->store(generation);
    auto deliver = [this, generation](auto emitter) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, emitter = std::move(emitter)] {
                if (generation == generation_)
                    emitter();
            },
            Qt::QueuedConnection);
    };
    auto job = [this, deliver, generation, latest = latest_, pick = std::move(pick)](TraceReader& reader) {
        const std::optional<std::string> id = pick(reader);
        std::optional<Trace> trace = id ? reader.load(*id) : std::nullopt;
        if (latest->load() != generation)
            return; // a newer request came in while this one read: skip laying out what nobody will see
        if (!trace) {
            deliver([this, asked = QString::fromStdString(id.value_or(std::string()))] { Q_EMIT missing(asked); });
            return;
        }
        auto data = std::make_shared<const WaterfallData>(buildWaterfall(std::move(*trace)));
        deliver([this, data = std::move(data)] { Q_EMIT loaded(data); });
    };
    auto onError = [deliver, this](const std::string& reason) {
        deliver([this, text = QString::fromStdString(reason)] { Q_EMIT failed(text); });
    };
    thread_.dropQueued();
    thread_.post(std::move(job), std::move(onError));
}

} // namespace ts::ui
