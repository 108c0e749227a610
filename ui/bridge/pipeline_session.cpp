#include "bridge/pipeline_session.h"

#include "common/cost_text.h"
#include "providers/error_category.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent>

namespace ts::ui {

PipelineSession::PipelineSession(std::shared_ptr<Pipeline> pipeline, QObject* parent)
    : PlaygroundSession(parent), pipeline_(std::move(pipeline))
{
    qRegisterMetaType<ts::ui::ReplyOutcome>();
}

PipelineSession::~PipelineSession()
{
    stop();
    running_.waitForFinished(); // the worker holds `this` only through a QPointer, but finish cleanly
}

void PipelineSession::send(const ChatRequest& request)
{
    if (busy_)
        return;
    busy_ = true;
    cancel_ = std::make_shared<CancelToken>();
    QPointer<PipelineSession> self(this);
    running_ = QtConcurrent::run([self, pipeline = pipeline_, cancel = cancel_, request] {
        QElapsedTimer timer;
        timer.start();
        RunOptions options;
        options.cancel = cancel.get();
        options.onText = [self](std::string_view delta, Nanos) {
            const QString text = QString::fromUtf8(delta.data(), static_cast<qsizetype>(delta.size()));
            QMetaObject::invokeMethod(self, [self, text] { if (self) Q_EMIT self->textArrived(text); }, Qt::QueuedConnection);
            return true;
        };
        const PipelineResult result = pipeline->run(request, options);
        ReplyOutcome outcome = outcomeOf(result, static_cast<double>(timer.nsecsElapsed()) / 1e6, *pipeline->catalog());
        QMetaObject::invokeMethod(self, [self, outcome] {
            if (!self)
                return;
            self->busy_ = false;
            Q_EMIT self->finished(outcome);
        }, Qt::QueuedConnection);
    });
}

void PipelineSession::stop()
{
    if (cancel_)
        cancel_->cancel();
}

std::vector<std::pair<QString, QStringList>> PipelineSession::models() const
{
    std::vector<std::pair<QString, QStringList>> out;
    for (const auto& p : pipeline_->providers().all()) {
        QStringList ids;
        for (const auto& m : p->models())
            ids << QString::fromStdString(m.id);
        out.emplace_back(QString::fromStdString(p->id()), ids);
    }
    return out;
}

ReplyOutcome outcomeOf(const PipelineResult& result, double durationMs, const Catalog& catalog)
{
    ReplyOutcome o;
    o.text = QString::fromStdString(result.response.text);
    o.cancelled = result.error.kind == ProviderError::Kind::Cancelled;
    if (result.error && !o.cancelled)
        o.error = QString::fromStdString(describeError(result.error)); // in words, with the provider's own message
    o.inputTokens = result.response.usage.inputTokens;
    o.outputTokens = result.response.usage.outputTokens;
    o.cachedTokens = result.response.usage.cacheReadTokens;
    o.costUsd = result.cost.total();
    o.costKnown = result.cost.known;
    o.ttftMs = result.ttftMs;
    o.durationMs = durationMs;
    o.simulated = result.simulated;
    o.traceId = QString::fromStdString(result.traceId);
    o.model = QString::fromStdString(result.response.model);
    o.costExplanation = costtext::explain(catalog, result.response.model, {}, result.response.usage);
    o.toolCalls = result.response.toolCalls;
    return o;
}

} // namespace ts::ui
